import path from 'node:path';
import { z } from 'zod';
import { trustedProxyList } from './trusted-user.ts';

/**
 * The four settings of the change history, from the environment (the config engineer may fold
 * these into server/config.ts; the rules and messages live here so both agree).
 */
export class HistoryConfigError extends Error {
  override name = 'HistoryConfigError';
}

export const DEFAULT_HISTORY_DB = 'data/history.db';
export const DEFAULT_RETENTION_DAYS = 365;

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name such as X-Forwarded-User');

export const historyEnvSchema = z.strictObject({
  HISTORY_DB: z.string().trim().min(1).optional(),
  HISTORY_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(36_500, 'must be at most 36500 days')
    .optional(),
  TRUSTED_USER_HEADER: headerName.optional(),
  TRUSTED_PROXIES: z
    .array(z.string())
    .superRefine((items, ctx) => {
      try {
        trustedProxyList(items);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: error instanceof Error ? error.message : 'invalid',
        });
      }
    })
    .optional(),
});

export interface HistoryConfig {
  /** Absolute path of the SQLite file. */
  dbPath: string;
  retentionDays: number;
  userHeader: string | undefined;
  trustedProxies: string[];
}

const blank = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export function loadHistoryConfig(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): HistoryConfig {
  const parsed = historyEnvSchema.safeParse({
    HISTORY_DB: blank(env.HISTORY_DB),
    HISTORY_RETENTION_DAYS: blank(env.HISTORY_RETENTION_DAYS),
    TRUSTED_USER_HEADER: blank(env.TRUSTED_USER_HEADER),
    TRUSTED_PROXIES: blank(env.TRUSTED_PROXIES)
      ?.split(/[\s,]+/)
      .filter(Boolean),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${String(issue.path[0] ?? '(env)')}: ${issue.message}`,
    );
    throw new HistoryConfigError(`Bad environment:\n${lines.join('\n')}`);
  }
  const { data } = parsed;
  if (data.TRUSTED_USER_HEADER && !data.TRUSTED_PROXIES?.length) {
    throw new HistoryConfigError(
      'Bad environment:\n  TRUSTED_USER_HEADER: set TRUSTED_PROXIES too (the header is believed only from those addresses)',
    );
  }
  return {
    dbPath: path.resolve(cwd, data.HISTORY_DB ?? DEFAULT_HISTORY_DB),
    retentionDays: data.HISTORY_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    userHeader: data.TRUSTED_USER_HEADER,
    trustedProxies: data.TRUSTED_PROXIES ?? [],
  };
}
