import { archiveInfo, archiveLogTasks, switchArchiveLog } from './archive-log';
import { SYS_TENANT } from './cluster-info';
import { PARAMETER_META, likeToRegExp, type TenantState } from './cluster-state';
import { errors } from './errors';
import {
  jsonObject,
  optionalString,
  param,
  requireClusterAgent,
  route,
  type ApiRequest,
  type ApiRoute,
} from './route-kit';
import type { SimState } from './sim-state';
import { displayUri } from './storage-uri';

/** Tenant routes of §6/§8: cluster agent → not sys → exists → body (backup_route.go). */
function userTenant(sim: SimState, req: ApiRequest): TenantState {
  requireClusterAgent(sim);
  const name = param(req, 'name');
  if (name === 'sys') throw errors.sysNotAllowed();
  const tenant = sim.tenant(name);
  if (!tenant) throw errors.tenantNotExist(name);
  return tenant;
}

/** Parameter routes: any non-META tenant incl. sys, no identity check, status NORMAL (§8). */
function normalTenant(sim: SimState, req: ApiRequest): { parameters: Record<string, string> } {
  const name = param(req, 'name');
  const tenant = name === 'sys' ? SYS_TENANT : sim.tenant(name);
  if (!tenant) throw errors.tenantNotExist(name);
  if (tenant.status !== 'NORMAL') throw errors.tenantStatusNotNormal(name, tenant.status);
  return tenant;
}

function parameterDto(name: string, value: string) {
  const meta = PARAMETER_META[name];
  return {
    name,
    value,
    data_type: meta?.data_type ?? 'STRING',
    info: meta?.info ?? '',
    edit_level: meta?.edit_level ?? 'DYNAMIC_EFFECTIVE',
  };
}

/** Destinations re-rendered without access_id/access_key; data null only if one still shows them. */
function backupStorage(sim: SimState, req: ApiRequest) {
  const tenant = userTenant(sim, req);
  const render = (stored: string) => {
    if (stored === '') return '';
    const shown = displayUri(stored);
    if (shown === undefined) throw errors.storageUri();
    return shown;
  };
  const archive = render(tenant.archive_base_uri);
  const data = render(tenant.data_base_uri);
  if (/access_id|access_key/.test(archive + data)) return null;
  return { tenant_id: tenant.tenant_id, archive_base_uri: archive, data_base_uri: data };
}

function parameters(sim: SimState, req: ApiRequest) {
  const tenant = normalTenant(sim, req);
  const filter = likeToRegExp(req.query.get('filter') || '%');
  const rows = Object.entries(tenant.parameters)
    .filter(([key]) => filter.test(key))
    .map(([key, value]) => parameterDto(key, value));
  // gorm leaves the nil slice untouched when no row matches: `contents: null`.
  return { contents: rows.length === 0 ? null : rows };
}

function oneParameter(sim: SimState, req: ApiRequest) {
  const tenant = normalTenant(sim, req);
  const name = param(req, 'parameter');
  const value = Object.entries(tenant.parameters).find(([key]) => key === name.toLowerCase());
  if (!value) throw errors.parameterNotExist(name);
  return parameterDto(value[0], value[1]);
}

/** `{status}`: missing or "" = STOP, upper-cased; STOP | DOING | SUSPEND (contract §6). */
function wantedArchiveStatus(body: string): 'DOING' | 'STOP' | 'SUSPEND' {
  const raw = optionalString(
    jsonObject(body, 'param.ArchiveLogStatusParam'),
    'status',
    'ArchiveLogStatusParam',
  );
  const wanted = (raw || 'STOP').toUpperCase();
  if (wanted !== 'STOP' && wanted !== 'DOING' && wanted !== 'SUSPEND') {
    throw errors.invalidLogArchiveStatus(wanted);
  }
  return wanted;
}

function clusterArchiveLog(sim: SimState, req: ApiRequest) {
  requireClusterAgent(sim);
  const wanted = wantedArchiveStatus(req.body);
  // No user-tenant check: zero tenants → 200.
  switchArchiveLog([...sim.tenants], wanted, sim.now(), (ms) => sim.engine.clock.sleep(ms));
  return undefined;
}

function tenantArchiveLog(sim: SimState, req: ApiRequest) {
  const tenant = userTenant(sim, req);
  const wanted = wantedArchiveStatus(req.body);
  switchArchiveLog([tenant], wanted, sim.now(), (ms) => sim.engine.clock.sleep(ms));
  return undefined;
}

export const tenantRoutes: ApiRoute[] = [
  route('GET', '/api/v1/tenant/:name/backup/config/storage', true, backupStorage),
  route('GET', '/api/v1/tenant/:name/parameters', true, parameters),
  route('GET', '/api/v1/tenant/:name/parameter/:parameter', true, oneParameter),
  route('PATCH', '/api/v1/obcluster/backup/log', true, clusterArchiveLog),
  route('PATCH', '/api/v1/tenant/:name/backup/log', true, tenantArchiveLog),
  route('GET', '/api/v1/tenant/:name/backup/log/tasks', true, (sim, req) => ({
    contents: archiveLogTasks(userTenant(sim, req), sim.now()),
  })),
  route('GET', '/api/v1/tenant/:name/backup/info', true, (sim, req) => {
    const tenant = userTenant(sim, req);
    return { tenant_id: tenant.tenant_id, ...archiveInfo(tenant, sim.now()) };
  }),
];
