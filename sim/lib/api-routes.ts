import { bindBackupConfig, validateBackupConfig } from './backup-config';
import { PARAMETER_META, likeToRegExp } from './cluster-state';
import {
  dagDto,
  isFinished,
  logDtos,
  nodeDto,
  parseGenericId,
  subTaskDto,
  formatTime,
} from './dag-model';
import { errors } from './errors';
import type { SimState } from './sim-state';

/** The obshell routes the dashboard touches (contract §3–§5). */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Decrypted body text ("" when none). */
  body: string;
  /** Parsed body, for the request log; undefined when absent or not JSON. */
}

export interface ApiRoute {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle(sim: SimState, req: ApiRequest): unknown;
}

function route(method: string, path: string, auth: boolean, handle: ApiRoute['handle']): ApiRoute {
  const source = path.replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return { method, pattern: new RegExp(`^${source}$`), auth, handle };
}

function param(req: ApiRequest, name: string): string {
  const raw = req.params[name] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    // A broken %-escape is just an odd name: it then matches no tenant / no task.
    return raw;
  }
}

/**
 * show_details as gin binds it into a *bool: absent → true, "" → false, Go's strconv.ParseBool
 * otherwise; anything else leaves the pointer nil and the handler's dereference panics (500).
 */
function showDetails(req: ApiRequest): boolean {
  const value = req.query.get('show_details');
  if (value === null) return true;
  if (value === '') return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw errors.panic();
}

function requireClusterAgent(sim: SimState): void {
  if (sim.options.identity !== 'CLUSTER AGENT') throw errors.notClusterAgent(sim.options.identity);
}

function idOf(req: ApiRequest): number {
  const text = param(req, 'id');
  if (!/^\d+$/.test(text)) throw errors.genericIdInvalid(text);
  const id = parseGenericId(text);
  if (id === undefined) throw errors.taskNotFound();
  return id;
}

function master(sim: SimState) {
  const agent = sim.options.agents[0];
  return agent ?? { ip: '127.0.0.1', port: 2886, zone: 'zone1' };
}

function info(sim: SimState) {
  const agent = master(sim);
  return {
    pid: process.pid,
    state: 2,
    startAt: sim.startedAt * 1_000_000,
    homePath: '/home/admin/oceanbase',
    obVersion: `${sim.options.obVersion}-100000000000000000`,
    architecture: process.arch === 'arm64' ? 'aarch64' : 'x86_64',
    ip: agent.ip,
    port: agent.port,
    zone: agent.zone,
    identity: sim.options.identity,
    version: `${sim.options.agentVersion}-simulated`,
    isObproxyAgent: false,
    security: sim.options.agentPassword !== null,
    supportedAuth: ['v2'],
  };
}

function status(sim: SimState) {
  const agent = master(sim);
  return {
    agent: { ip: agent.ip, port: agent.port, identity: sim.options.identity },
    state: 2,
    version: `${sim.options.agentVersion}-simulated`,
    pid: process.pid,
    startAt: sim.startedAt * 1_000_000,
    port: agent.port,
    obState: 3,
    sqlPort: 2881,
    underMaintenance: sim.maintenance,
  };
}

function clusterInfo(sim: SimState) {
  const o = sim.options;
  const zones = [...new Set(o.agents.map((a) => a.zone))];
  const started = formatTime(sim.startedAt - 86_400_000);
  return {
    cluster_name: o.clusterName,
    cluster_id: o.clusterId,
    status: 'AVAILABLE',
    is_community_edition: true,
    is_standalone: false,
    ob_version: o.obVersion,
    dead_lock_detection_enabled: true,
    stats: { cpu_core_total: 48, cpu_core_assigned: 20, memory_total: '96.0G', disk_total: '1.0T' },
    zones: zones.map((zone, index) => {
      const servers = o.agents.filter((a) => a.zone === zone);
      const first = servers[0] ?? master(sim);
      return {
        name: zone,
        idc_name: `idc${index + 1}`,
        region_name: 'sys_region',
        status: 'ACTIVE',
        inner_status: 'ACTIVE',
        root_server: {
          ip: first.ip,
          role: index === 0 ? 'LEADER' : 'FOLLOWER',
          zone,
          svr_port: 2882,
        },
        servers: servers.map((server, i) => ({
          id: index * 10 + i + 1,
          ip: server.ip,
          svr_port: 2882,
          sql_port: 2881,
          version: o.obVersion,
          with_rootserver: i === 0,
          status: 'ACTIVE',
          inner_status: 'ACTIVE',
          start_time: started,
          stop_time: '0001-01-01T00:00:00Z',
          architecture: 'x86_64',
        })),
      };
    }),
    tenants: [
      {
        tenant_id: 1,
        tenant_name: 'sys',
        tenant_type: 'SYS',
        mode: 'MYSQL',
        status: 'NORMAL',
        locked: 'NO',
      },
      ...sim.tenants.map((t) => ({
        tenant_id: t.tenant_id,
        tenant_name: t.name,
        tenant_type: 'USER',
        mode: 'MYSQL',
        status: 'NORMAL',
        locked: 'NO',
        log_mode: t.log_mode,
      })),
    ],
    tenant_stats: [],
  };
}

function tenantOf(sim: SimState, name: string) {
  const tenant = sim.tenants.find((t) => t.name === name);
  if (!tenant) throw errors.tenantNotExist(name);
  return tenant;
}

const SECRET_IN_URI = /[?&](access_id|access_key)=/i;

function backupStorage(sim: SimState, req: ApiRequest) {
  const name = param(req, 'name');
  if (name === 'sys') return { tenant_id: 1, archive_base_uri: '', data_base_uri: '' };
  const tenant = tenantOf(sim, name);
  // obshell hides URIs that carry credentials entirely (data: null).
  if (SECRET_IN_URI.test(tenant.archive_base_uri) || SECRET_IN_URI.test(tenant.data_base_uri))
    return null;
  return {
    tenant_id: tenant.tenant_id,
    archive_base_uri: tenant.archive_base_uri,
    data_base_uri: tenant.data_base_uri,
  };
}

function parameters(sim: SimState, req: ApiRequest) {
  const name = param(req, 'name');
  const values = name === 'sys' ? {} : tenantOf(sim, name).parameters;
  const filter = likeToRegExp(req.query.get('filter') ?? '%');
  const contents = Object.entries(values)
    .filter(([key]) => filter.test(key))
    .map(([key, value]) => ({
      name: key,
      value,
      data_type: PARAMETER_META[key]?.data_type ?? 'STRING',
      info: PARAMETER_META[key]?.info ?? '',
      edit_level: PARAMETER_META[key]?.edit_level ?? 'DYNAMIC_EFFECTIVE',
    }));
  return { contents };
}

function setBackupConfig(mode: 'POST' | 'PATCH') {
  return (sim: SimState, req: ApiRequest) => {
    requireClusterAgent(sim);
    const raw = bindBackupConfig(req.body);
    // Not a maintenance DAG (contract §4): accepted whatever the maintenance state.
    const change = validateBackupConfig(raw, mode, sim.tenants.length);
    const dag = sim.engine.createBackupConfigDag(change, sim.options.agents);
    return dagDto(dag, false);
  };
}

function setLogStatus(sim: SimState, req: ApiRequest) {
  requireClusterAgent(sim);
  let body: unknown;
  try {
    body = req.body.trim() === '' ? undefined : JSON.parse(req.body);
  } catch (cause) {
    throw errors.bindJson((cause as Error).message);
  }
  if (body === undefined) throw errors.bindJson('EOF');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.bindJson('json: cannot unmarshal into Go value of type param.BackupStatusParam');
  }
  const value = (body as Record<string, unknown>).status;
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw errors.bindJson(
      'json: cannot unmarshal number into Go struct field BackupStatusParam.status of type string',
    );
  }
  const wanted = (value ?? '').toUpperCase();
  if (wanted !== 'STOP' && wanted !== 'DOING' && wanted !== 'SUSPEND') {
    throw errors.invalidLogArchiveStatus(value ?? '');
  }
  if (sim.tenants.length === 0) throw errors.noUserTenants();
  for (const tenant of sim.tenants) {
    tenant.log_archive_status = wanted;
    tenant.log_mode = wanted === 'STOP' ? 'NOARCHIVELOG' : 'ARCHIVELOG';
  }
  return undefined;
}

function dagOperator(sim: SimState, req: ApiRequest) {
  const dag = sim.engine.get(idOf(req));
  if (!dag) throw errors.taskNotFound();
  let body: unknown;
  try {
    body = req.body.trim() === '' ? {} : JSON.parse(req.body);
  } catch (cause) {
    throw errors.bindJson((cause as Error).message);
  }
  const operator =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>).operator
      : undefined;
  if (operator !== undefined && operator !== null && typeof operator !== 'string') {
    throw errors.bindJson(
      'json: cannot unmarshal number into Go struct field DagOperator.operator of type string',
    );
  }
  // `binding:"required"`: absent, null and "" all fail the bind.
  if (typeof operator !== 'string' || operator === '') {
    throw errors.bindJson(
      "Key: 'DagOperator.Operator' Error:Field validation for 'Operator' failed on the 'required' tag",
    );
  }
  sim.engine.operate(dag, operator);
  return undefined;
}

export const apiRoutes: ApiRoute[] = [
  route('GET', '/api/v1/secret', false, (sim) => ({
    ip: master(sim).ip,
    port: master(sim).port,
    public_key: sim.key.publicKeyBase64,
  })),
  route('GET', '/api/v1/info', false, info),
  route('GET', '/api/v1/status', false, status),
  route('GET', '/api/v1/time', false, (sim) => formatTime(sim.now())),
  route('GET', '/api/v1/obcluster/info', true, clusterInfo),
  route('GET', '/api/v1/tenant/:name/backup/config/storage', true, backupStorage),
  route('GET', '/api/v1/tenant/:name/parameters', true, parameters),
  route('POST', '/api/v1/obcluster/backup/config', true, setBackupConfig('POST')),
  route('PATCH', '/api/v1/obcluster/backup/config', true, setBackupConfig('PATCH')),
  route('PATCH', '/api/v1/obcluster/backup/log', true, setLogStatus),
  route('GET', '/api/v1/task/dag/unfinish', true, (sim, req) => {
    // Cluster DAGs not flagged finished: READY/RUNNING ones (a FAILED one is flagged finished,
    // none here is a maintenance DAG). A nil slice → `contents: null`.
    const details = showDetails(req);
    const open = sim.engine.all().filter((dag) => !isFinished(dag));
    return { contents: open.length === 0 ? null : open.map((dag) => dagDto(dag, details)) };
  }),
  route('GET', '/api/v1/task/dags/ob', true, (sim, req) => {
    requireClusterAgent(sim);
    const details = showDetails(req);
    return { contents: sim.engine.all().map((dag) => dagDto(dag, details)) };
  }),
  route('GET', '/api/v1/task/dag/:id', true, (sim, req) => {
    const dag = sim.engine.get(idOf(req));
    if (!dag) throw errors.taskNotFound();
    return dagDto(dag, showDetails(req));
  }),
  route('POST', '/api/v1/task/dag/:id', true, dagOperator),
  route('GET', '/api/v1/task/node/:id', true, (sim, req) => {
    const node = sim.engine.findNode(idOf(req));
    if (!node) throw errors.taskNotFound();
    return nodeDto(node, showDetails(req));
  }),
  route('GET', '/api/v1/task/sub_task/:id', true, (sim, req) => {
    const task = sim.engine.findSubTask(idOf(req));
    if (!task) throw errors.taskNotFound();
    return subTaskDto(task);
  }),
  route('GET', '/api/v1/task/sub_task/:id/logs', true, (sim, req) => {
    // No existence check in obshell: an unknown (but well-formed) id has no logs.
    const text = param(req, 'id');
    if (!/^\d+$/.test(text)) throw errors.genericIdInvalid(text);
    const id = parseGenericId(text);
    const task = id === undefined ? undefined : sim.engine.findSubTask(id);
    return { contents: task ? logDtos(task) : [] };
  }),
];

export function matchRoute(method: string, path: string) {
  for (const candidate of apiRoutes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (match) return { route: candidate, params: { ...match.groups } };
  }
  return undefined;
}
