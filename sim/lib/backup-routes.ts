import { backupJobDto, backupTaskDto, currentOrLatest, type BackupJobRecord } from './backup-jobs';
import { errors, SimError } from './errors';
import { requireClusterAgent, route, type ApiRequest, type ApiRoute } from './route-kit';
import type { SimState } from './sim-state';
import { userTenant } from './tenant-routes';

/** `GET /obcluster/backup/overview`: per user tenant its running or latest task (§8). */
function clusterOverview(sim: SimState) {
  requireClusterAgent(sim);
  const statuses = sim.tenants.flatMap((t) => {
    const job = currentOrLatest(t);
    return job ? [backupTaskDto(t, job)] : [];
  });
  if (statuses.length === 0) throw errors.notFound('backup task');
  return { statuses };
}

function tenantOverview(sim: SimState, req: ApiRequest) {
  const tenant = userTenant(sim, req);
  const job = currentOrLatest(tenant);
  if (!job) {
    throw new SimError({
      errCode: 'Task.NotFound',
      status: 404,
      legacy: 2300,
      kind: 'not-found',
      en: 'Task not found: no backup task',
      zh: '未找到任务：no backup task',
    });
  }
  return { status: backupTaskDto(tenant, job) };
}

const MAX_SIZE = 2147483647;

/** gin's form binding into uint64 / *time.Time: anything unparsable → Common.BindJsonFailed. */
function uintQuery(req: ApiRequest, name: string, fallback: number): number {
  const text = req.query.get(name);
  if (text === null || text === '') return fallback;
  if (!/^\d+$/.test(text))
    throw errors.bindJson(`strconv.ParseUint: parsing "${text}": invalid syntax`);
  return Number(text);
}

function timeQuery(req: ApiRequest, name: string): number | undefined {
  const text = req.query.get(name);
  if (text === null || text === '') return undefined;
  const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
  const ms = Date.parse(text);
  if (!rfc3339.test(text) || Number.isNaN(ms)) {
    throw errors.bindJson(`parsing time "${text}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
  }
  return ms;
}

/** `GET /tenant/:name/backup/tasks`: filter, sort (nulls last), page in memory (§8). */
function backupTasks(sim: SimState, req: ApiRequest) {
  const tenant = userTenant(sim, req);
  const from = timeQuery(req, 'start_time');
  const to = timeQuery(req, 'end_time');
  const page = Math.max(1, uintQuery(req, 'page', 1));
  const size = uintQuery(req, 'size', MAX_SIZE) || MAX_SIZE;
  const statusText = req.query.get('status') ?? '';
  const wanted = statusText === '' ? undefined : statusText.toUpperCase().split(',');
  const [field = '', order = ''] = (req.query.get('sort') || 'start_timestamp').split(',');
  const byEnd = field === 'end_timestamp';
  const asc = order === 'asc';
  const key = (job: BackupJobRecord) => (byEnd ? job.end : job.start);
  const rows = tenant.backup_jobs
    .filter((job) => from === undefined || job.start >= from)
    .filter((job) => to === undefined || job.start <= to)
    .filter((job) => wanted === undefined || wanted.includes(job.status))
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return asc ? x - y : y - x;
    });
  const contents = rows.slice((page - 1) * size, page * size).map((j) => backupJobDto(tenant, j));
  return {
    contents,
    page: {
      total_elements: rows.length,
      total_pages: Math.ceil(rows.length / size),
      size,
      number: page,
    },
  };
}

export const backupRoutes: ApiRoute[] = [
  route('GET', '/api/v1/obcluster/backup/overview', true, clusterOverview),
  route('GET', '/api/v1/tenant/:name/backup/overview', true, tenantOverview),
  route('GET', '/api/v1/tenant/:name/backup/tasks', true, backupTasks),
];
