import { z } from 'zod';
import type { Connection } from './backup-config-queries';

/**
 * `GET /api/v1/tenant/:name/backup/config/storage` (user tenants only: `sys` → 400). The URIs come
 * back rendered for that tenant (`<base>/<cluster_id>/<tenant_id>/clog|data`) without
 * access_id/access_key; "" when unset. `data` is null only when a rendered URI still contains the
 * text "access_id"/"access_key" (contract §4).
 */
export const tenantStorageSchema = z
  .looseObject({
    tenant_id: z.number().optional(),
    archive_base_uri: z.string().optional(),
    data_base_uri: z.string().optional(),
  })
  .nullish()
  .transform((data) => data ?? null);

export type TenantStorage = z.infer<typeof tenantStorageSchema>;

export function fetchTenantStorage(conn: Connection, tenant: string, signal?: AbortSignal) {
  return conn.client.request({
    method: 'GET',
    path: `/api/v1/tenant/${encodeURIComponent(tenant)}/backup/config/storage`,
    schema: tenantStorageSchema,
    signal,
  });
}
