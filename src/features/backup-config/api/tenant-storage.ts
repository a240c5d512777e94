import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { backupConfigKeys, type Connection } from './backup-config-queries';

/** `data` is null when the URIs carry access_id/access_key: obshell hides them rather than mask. */
export const tenantStorageSchema = z
  .looseObject({
    tenant_id: z.number().optional(),
    archive_base_uri: z.string().optional(),
    data_base_uri: z.string().optional(),
  })
  .nullish()
  .transform((data) => data ?? null);

export function tenantStorageQuery(conn: Connection, tenant: string) {
  return queryOptions({
    queryKey: backupConfigKeys.tenantStorage(conn.clusterKey, tenant),
    queryFn: ({ signal }) =>
      conn.client.request({
        method: 'GET',
        path: `/api/v1/tenant/${encodeURIComponent(tenant)}/backup/config/storage`,
        schema: tenantStorageSchema,
        signal,
      }),
  });
}
