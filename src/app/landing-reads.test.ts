import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import * as core from 'zod/v4/core';
import { clusterInfoKey, clusterInfoSchema, type ClusterInfo } from '../lib/obshell/cluster-info';
import { createFakeObshellClient } from '../testing/fake-obshell-client';
import { prefetchLandingReads } from './landing-reads';

// What obshell answers, through the app's own schema (as unlocking caches it).
const info = core.parse(clusterInfoSchema, {
  cluster_name: 'obdemo',
  cluster_id: 1,
  tenants: [
    { tenant_name: 'sys', tenant_id: 1, status: 'NORMAL' },
    { tenant_name: 'app', tenant_id: 1002, status: 'NORMAL' },
    { tenant_name: 'creating', tenant_id: 1004, status: 'CREATING' },
  ],
});

/** The paths read when unlocking at `pathname`, with cluster info `cached` (as unlocking leaves it). */
function readsOnUnlock(
  pathname: string,
  {
    embedded = false,
    basename = '/',
    cached = info,
  }: { embedded?: boolean; basename?: string; cached?: ClusterInfo | null } = {},
) {
  const { client, calls } = createFakeObshellClient(() => {
    throw new Error('not answered in this test');
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const conn = { clusterKey: 'c1', client };
  if (cached) queryClient.setQueryData(clusterInfoKey(conn.clusterKey), cached);
  prefetchLandingReads(queryClient, conn, { pathname, basename, embedded });
  return calls.map((c) => c.path);
}

const statusReads = [
  '/api/v1/obcluster/backup/overview',
  '/api/v1/tenant/app/backup/log/tasks',
  '/api/v1/tenant/app/backup/config/storage',
  '/api/v1/tenant/app/parameters',
  '/api/v1/tenant/creating/backup/log/tasks',
  '/api/v1/tenant/creating/backup/config/storage',
];

describe('prefetchLandingReads', () => {
  it('starts the status page’s reads, tenant by tenant, never sys, no parameters of a tenant not NORMAL', () => {
    expect(readsOnUnlock('/status')).toEqual(statusReads);
  });

  it('under the deployment’s base path too', () => {
    expect(readsOnUnlock('/status', { basename: '/ob/' })).toEqual([]);
    expect(readsOnUnlock('/ob/status', { basename: '/ob/' })).toEqual(statusReads);
  });

  it('the first screen is the status page, except inside a portal’s iframe (the form)', () => {
    expect(readsOnUnlock('/')).toEqual(statusReads);
    expect(readsOnUnlock('/no-such-page')).toEqual(statusReads);
    expect(readsOnUnlock('/', { embedded: true })).toEqual([]);
  });

  it('reads nothing elsewhere (the form reads after it renders), or without a tenant list', () => {
    expect(readsOnUnlock('/backup')).toEqual([]);
    expect(readsOnUnlock('/tasks')).toEqual([]);
    expect(readsOnUnlock('/history')).toEqual([]);
    expect(readsOnUnlock('/status', { cached: null })).toEqual([]);
    expect(readsOnUnlock('/status', { cached: { ...info, tenantsUnavailable: true } })).toEqual([]);
  });
});
