import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { ObshellConnection } from '../../../lib/obshell/obshell-context';

/** One archive round (contract §8); obshell always sends `tenant_name: ""`. */
export const archiveRoundSchema = z.looseObject({
  tenant_id: z.number().nullish(),
  round_id: z.number().nullish(),
  status: z.string(),
  path: z.string().nullish(),
});

const archiveRoundsSchema = z
  .looseObject({ contents: z.array(archiveRoundSchema).nullish() })
  .nullish()
  .transform((data) => data?.contents ?? []);

export type ArchiveRound = z.infer<typeof archiveRoundSchema>;

type Connection = Pick<ObshellConnection, 'client' | 'clusterKey'>;

export const archiveLogQueries = {
  /**
   * `GET /api/v1/tenant/:name/backup/log/tasks`: the tenant's archive rounds in BEGINNING, DOING,
   * STOPPING, PREPARE or SUSPEND; none when archiving is off (or never was on). Read after the
   * archive-log switch to report what obshell actually did per tenant.
   */
  rounds: ({ client, clusterKey }: Connection, tenant: string) =>
    queryOptions({
      queryKey: ['obshell', clusterKey, 'tenant', tenant, 'backup-log-tasks'] as const,
      queryFn: ({ signal }) =>
        client.request({
          method: 'GET',
          path: `/api/v1/tenant/${encodeURIComponent(tenant)}/backup/log/tasks`,
          schema: archiveRoundsSchema,
          signal,
        }),
      staleTime: 0,
    }),
};

/** obshell's 500 when a tenant's archive is INTERRUPTED: "… tenant <name> archive log is interrupted". */
export function interruptedTenant(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return /tenant (\S+) archive log is interrupted/i.exec(error.message)?.[1];
}
