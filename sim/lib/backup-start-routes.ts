import { cancelJobsLater } from './backup-jobs';
import { backupErrors } from './backup-errors';
import type { StartBackupSpec } from './backup-narration';
import type { TenantState } from './cluster-state';
import { dagDto } from './dag-model';
import { errors } from './errors';
import {
  jsonObject,
  optionalString,
  requireClusterAgent,
  route,
  type ApiRequest,
  type ApiRoute,
} from './route-kit';
import type { SimState } from './sim-state';
import { userTenant } from './tenant-routes';

/** `{mode?, encryption?, plus_archive?}` as gin binds param.BackupParam. */
function bindBackupParam(body: string) {
  const object = jsonObject(body, 'param.BackupParam');
  const plus = object.plus_archive;
  if (plus !== undefined && plus !== null && typeof plus !== 'boolean') {
    const kind =
      typeof plus === 'object' ? (Array.isArray(plus) ? 'array' : 'object') : typeof plus;
    throw errors.bindJson(
      `json: cannot unmarshal ${kind} into Go struct field BackupParam.plus_archive of type bool`,
    );
  }
  return {
    mode: optionalString(object, 'mode', 'BackupParam'),
    encryption: optionalString(object, 'encryption', 'BackupParam') ?? '',
    plusArchive: plus === true,
  };
}

/** BackupParam.Check: "" or absent = full, lower-cased, full | incremental. */
function backupMode(raw: string | undefined): StartBackupSpec['mode'] {
  const mode = (raw || 'full').toLowerCase();
  if (mode !== 'full' && mode !== 'incremental') throw backupErrors.modeInvalid(mode);
  return mode;
}

/** checkAllDest: CDB_OB_ARCHIVE_DEST path, then data_backup_dest. */
function checkDestinations(t: TenantState): void {
  if (t.archive_base_uri === '') throw backupErrors.archiveDestEmpty(t.name, t.tenant_id);
  if (t.data_base_uri === '') throw backupErrors.dataDestEmpty(t.name, t.tenant_id);
}

/** `POST /obcluster/backup`: cluster agent → bind → user tenants → destinations → mode. */
function clusterStartBackup(sim: SimState, req: ApiRequest) {
  requireClusterAgent(sim);
  const param = bindBackupParam(req.body);
  if (sim.tenants.length === 0) throw errors.noUserTenants();
  sim.tenants.forEach(checkDestinations);
  const spec = { ...param, mode: backupMode(param.mode) };
  return dagDto(sim.engine.createStartBackupDag(spec, sim.options.agents, null), false);
}

/** `POST /tenant/:name/backup`: cluster agent → not sys → exists → bind → destinations → mode. */
function tenantStartBackup(sim: SimState, req: ApiRequest) {
  const tenant = userTenant(sim, req);
  const param = bindBackupParam(req.body);
  checkDestinations(tenant);
  const spec = { ...param, mode: backupMode(param.mode) };
  return dagDto(sim.engine.createStartBackupDag(spec, sim.options.agents, tenant.name), false);
}

/** BackupStatusParam.Check: missing or "" = canceled, lower-cased, else OB.Backup.Status.Invalid. */
function checkCancelBody(body: string): void {
  const object = jsonObject(body, 'param.BackupStatusParam');
  const status = (
    optionalString(object, 'status', 'BackupStatusParam') || 'canceled'
  ).toLowerCase();
  if (status !== 'canceled') throw backupErrors.statusInvalid(status);
}

/** `ALTER SYSTEM CANCEL BACKUP` for each tenant with running jobs; no waiting, no data. */
function cancel(sim: SimState, tenants: TenantState[]): undefined {
  for (const t of tenants) {
    cancelJobsLater(
      t,
      () => sim.now(),
      (ms) => sim.engine.clock.sleep(ms),
    );
  }
  return undefined;
}

export const backupStartRoutes: ApiRoute[] = [
  route('POST', '/api/v1/obcluster/backup', true, clusterStartBackup),
  route('POST', '/api/v1/tenant/:name/backup', true, tenantStartBackup),
  route('PATCH', '/api/v1/obcluster/backup', true, (sim, req) => {
    requireClusterAgent(sim);
    checkCancelBody(req.body);
    // No user-tenant check: zero tenants → 200.
    cancel(sim, [...sim.tenants]);
  }),
  route('PATCH', '/api/v1/tenant/:name/backup', true, (sim, req) => {
    const tenant = userTenant(sim, req);
    checkCancelBody(req.body);
    cancel(sim, [tenant]);
  }),
];
