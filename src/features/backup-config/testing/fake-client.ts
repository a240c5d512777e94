import type { z } from 'zod';
import type { ObshellClient, RequestOptions } from '../../../lib/obshell/client';
import { ObshellError } from '../../../lib/obshell/envelope';

/** Test double for the obshell client: answers the reads the form makes like the default simulator. */
export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
}

const clog = (id: number) => `file:///data/ob_backup/1700000001/${id}/clog`;

export function defaultReads(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const params = (id: number) => ({
    contents: [
      { name: 'log_archive_concurrency', value: '0' },
      { name: 'ha_low_thread_score', value: '0' },
      { name: 'archive_lag_target', value: '2m' },
      {
        name: 'log_archive_dest',
        value: `LOCATION=${clog(id)} BINDING=OPTIONAL PIECE_SWITCH_INTERVAL=1d`,
      },
    ],
  });
  return {
    'GET /api/v1/obcluster/info': {
      cluster_name: 'obdemo',
      cluster_id: 1700000001,
      tenants: [
        { tenant_name: 'sys', tenant_id: 1 },
        { tenant_name: 'app_tenant', tenant_id: 1002 },
        { tenant_name: 'report_tenant', tenant_id: 1004 },
      ],
    },
    'GET /api/v1/tenant/app_tenant/backup/config/storage': {
      tenant_id: 1002,
      archive_base_uri: clog(1002),
      data_base_uri: 'file:///data/ob_backup/1700000001/1002/data',
    },
    'GET /api/v1/tenant/report_tenant/backup/config/storage': {
      tenant_id: 1004,
      archive_base_uri: clog(1004),
      data_base_uri: 'file:///data/ob_backup/1700000001/1004/data',
    },
    'GET /api/v1/tenant/app_tenant/parameters': params(1002),
    'GET /api/v1/tenant/report_tenant/parameters': params(1004),
    'GET /api/v1/info': { ip: '127.0.0.1', port: 2886 },
    'GET /api/v1/task/dag/unfinish': { contents: [] },
    ...overrides,
  };
}

export const sampleDag = {
  id: '11',
  dag_id: 1,
  name: 'Set obcluster backup config',
  stage: 1,
  max_stage: 2,
  state: 'READY',
  operator: 'RUN',
  nodes: null,
};

export function createFakeClient(
  reads: Record<string, unknown> = defaultReads(),
  onPatch: (body: unknown) => Promise<unknown> = () => Promise.resolve(sampleDag),
) {
  const calls: FakeCall[] = [];
  const request = async <T extends z.ZodType>(req: RequestOptions<T>): Promise<z.infer<T>> => {
    calls.push({ method: req.method, path: req.path, body: req.body });
    await Promise.resolve();
    if (req.method === 'PATCH') return req.schema.parse(await onPatch(req.body));
    const key = `${req.method} ${req.path}`;
    if (!(key in reads)) {
      throw new ObshellError({ kind: 'server', status: 404, message: `no fake for ${key}` });
    }
    const data = reads[key];
    if (data instanceof Error) throw data;
    return req.schema.parse(data);
  };
  const client = { request, resetKey: () => undefined, clockSkewMs: 0 } as unknown as ObshellClient;
  return { client, calls };
}
