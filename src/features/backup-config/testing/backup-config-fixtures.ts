import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import {
  createFakeObshellClient,
  routeTable,
  type FakeRequest,
} from '../../../testing/fake-obshell-client';

export type { FakeRequest as FakeCall };

const CLUSTER_ID = 1700000001;
/** Storage reads come back rendered for the tenant, without credentials (contract §4). */
const rendered = (id: number, dir: 'clog' | 'data') =>
  `file:///data/ob_backup/${CLUSTER_ID}/${id}/${dir}`;

export function tenantParameters(id: number) {
  return {
    contents: [
      { name: 'log_archive_concurrency', value: '0' },
      { name: 'ha_low_thread_score', value: '0' },
      { name: 'archive_lag_target', value: '2m' },
      {
        name: 'log_archive_dest',
        value: `LOCATION=${rendered(id, 'clog')} BINDING=OPTIONAL PIECE_SWITCH_INTERVAL=1d`,
      },
    ],
  };
}

const USER_TENANTS = { app_tenant: 1002, report_tenant: 1004 } as const;

/** The user tenants' storage reads, each destination rendered by `render` (tenant id, directory). */
export function storageReads(render: (id: number, dir: 'clog' | 'data') => string) {
  return Object.fromEntries(
    Object.entries(USER_TENANTS).map(([name, id]) => [
      `GET /api/v1/tenant/${name}/backup/config/storage`,
      { tenant_id: id, archive_base_uri: render(id, 'clog'), data_base_uri: render(id, 'data') },
    ]),
  );
}

/** obshell's answers to the form's reads, as the default simulator gives them (contract rev. 2). */
export function defaultReads(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'GET /api/v1/obcluster/info': {
      cluster_name: 'obdemo',
      cluster_id: CLUSTER_ID,
      // obcluster/info lists sys too; the form reads user tenants only.
      tenants: [
        { tenant_name: 'sys', tenant_id: 1, status: 'NORMAL' },
        { tenant_name: 'app_tenant', tenant_id: 1002, status: 'NORMAL' },
        { tenant_name: 'report_tenant', tenant_id: 1004, status: 'NORMAL' },
      ],
    },
    ...storageReads(rendered),
    'GET /api/v1/tenant/app_tenant/parameters': tenantParameters(1002),
    'GET /api/v1/tenant/report_tenant/parameters': tenantParameters(1004),
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

/** The form's reads answered from `reads`; a PATCH answers with what `onPatch` gives its body. */
export function createFakeClient(
  reads: Record<string, unknown> = defaultReads(),
  onPatch: (body: unknown) => Promise<unknown> = () => Promise.resolve(sampleDag),
) {
  const table = routeTable(reads);
  return createFakeObshellClient((req) =>
    req.method === 'PATCH' ? onPatch(req.body) : table(req),
  );
}

/**
 * Waits until every tenant was read: the form is editable earlier, but a test that edits a field
 * the complete read is about to fill would race it (as a user would see the value appear).
 */
export async function formReady() {
  await waitFor(() => {
    expect(screen.queryByTestId('current-config-progress')).toBeNull();
    expect(screen.queryByTestId('review-waits-for-reads')).toBeNull();
  });
}
