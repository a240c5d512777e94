import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { backupConfigKeys, type Connection } from './backup-config-queries';

const parameterSchema = z.looseObject({
  name: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
});

export const tenantParametersSchema = z
  .looseObject({ contents: z.array(parameterSchema).nullish() })
  .transform((data) =>
    Object.fromEntries((data.contents ?? []).map((p) => [p.name.toLowerCase(), p.value])),
  );

export function tenantParametersQuery(conn: Connection, tenant: string) {
  return queryOptions({
    queryKey: backupConfigKeys.tenantParameters(conn.clusterKey, tenant),
    queryFn: ({ signal }) =>
      conn.client.request({
        method: 'GET',
        path: `/api/v1/tenant/${encodeURIComponent(tenant)}/parameters`,
        // SQL LIKE '%': every parameter; the few this form needs are picked out afterwards.
        query: { filter: '%' },
        schema: tenantParametersSchema,
        signal,
      }),
  });
}
