import { z } from 'zod';
import { isObshellError } from '../../../lib/obshell/envelope';
import type { Connection } from './backup-config-queries';

const parameterSchema = z.looseObject({
  name: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
});

/** `contents` is null when no parameter matches the filter. */
export const tenantParametersSchema = z
  .looseObject({ contents: z.array(parameterSchema).nullish() })
  .transform((data) =>
    Object.fromEntries((data.contents ?? []).map((p) => [p.name.toLowerCase(), p.value])),
  );

export type TenantParameters =
  | { readable: true; values: Record<string, string> }
  /** obshell reads parameters of NORMAL tenants only (400 OB.Tenant.StatusNotNormal). */
  | { readable: false; tenantStatus: string };

/** "Tenant 'x' status is 'Y'." / "租户 'x' 状态为 'Y'": the last quoted word is the status. */
function statusFromMessage(message: string): string {
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  return quoted.at(-1) ?? '?';
}

/**
 * `GET /api/v1/tenant/:name/parameters?filter=%`. A tenant that is not NORMAL is an answer, not a
 * failure: the form still loads and shows that tenant's values as unknown.
 */
export async function fetchTenantParameters(
  conn: Connection,
  tenant: string,
  signal?: AbortSignal,
): Promise<TenantParameters> {
  try {
    const values = await conn.client.request({
      method: 'GET',
      path: `/api/v1/tenant/${encodeURIComponent(tenant)}/parameters`,
      // SQL LIKE '%': every parameter; the few this form needs are picked out afterwards.
      query: { filter: '%' },
      schema: tenantParametersSchema,
      signal,
    });
    return { readable: true, values };
  } catch (error) {
    // Older agents send no errCode, only the message.
    const notNormal =
      isObshellError(error) &&
      (error.errCode === 'OB.Tenant.StatusNotNormal' ||
        (error.errCode === undefined && /status is '|状态为 '/.test(error.message)));
    if (notNormal) {
      return { readable: false, tenantStatus: statusFromMessage(error.message) };
    }
    throw error;
  }
}
