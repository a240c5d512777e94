import { bindBackupConfig, validateBackupConfig } from './backup-config';
import { clusterInfo } from './cluster-info';
import {
  dagDto,
  isListedUnfinished,
  logDtos,
  nodeDto,
  parseGenericId,
  subTaskDto,
  formatTime,
} from './dag-model';
import { errors } from './errors';
import {
  master,
  param,
  requireClusterAgent,
  route,
  type ApiRequest,
  type ApiRoute,
} from './route-kit';
import type { SimState } from './sim-state';
import { tenantRoutes } from './tenant-routes';
import { backupRoutes } from './backup-routes';
import { tenantConfigRoutes } from './tenant-config-routes';
import { backupStartRoutes } from './backup-start-routes';

export type { ApiRequest, ApiRoute };

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

function idOf(req: ApiRequest): number {
  const text = param(req, 'id');
  if (!/^\d+$/.test(text)) throw errors.genericIdInvalid(text);
  const id = parseGenericId(text);
  if (id === undefined) throw errors.taskNotFound();
  return id;
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
  route('POST', '/api/v1/obcluster/backup/config', true, setBackupConfig('POST')),
  route('PATCH', '/api/v1/obcluster/backup/config', true, setBackupConfig('PATCH')),
  ...tenantRoutes,
  ...tenantConfigRoutes,
  ...backupStartRoutes,
  ...backupRoutes,
  route('GET', '/api/v1/task/dag/unfinish', true, (sim, req) => {
    // Cluster DAGs not flagged finished: READY/RUNNING ones and FAILED maintenance DAGs (a
    // failed tenant-level config DAG). A nil slice → `contents: null`.
    const details = showDetails(req);
    const open = sim.engine.all().filter(isListedUnfinished);
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
