import { z } from 'zod';
import { HISTORY_OUTCOMES } from '../../src/lib/history-outcomes.ts';

/**
 * The change-history entry and every body or query the history API accepts. Sizes are capped
 * here so a caller can never make the database (or an export) grow by sending big strings.
 */

// The list is the browser's too: a pure module of src/lib (server → pure src/lib modules is the
// one allowed direction; the browser never imports server/).
export const outcomeSchema = z.enum(HISTORY_OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** Outcomes obshell never changes again (SUCCEED is final; FAILED waits for RETRY/ROLLBACK/PASS). */
export const FINAL_OUTCOMES: ReadonlySet<Outcome> = new Set(['succeeded', 'passed', 'rolled_back']);

export const SOURCES = ['dashboard', 'outside'] as const;
export const sourceSchema = z.enum(SOURCES);

export const MAX_CHANGES = 50;
export const MAX_VALUE_CHARS = 4096;
export const MAX_USER_CHARS = 200;

/** Same rule as cluster ids in server/config.ts (they appear in URLs). */
export const clusterIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    'must be a cluster id (lower-case letters, digits, - and _)',
  );

export const scopeSchema = z
  .string()
  .regex(
    /^(?:cluster|tenant:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$/,
    'must be "cluster" or "tenant:<tenant name>"',
  );

/** obshell's DAG id as the task pages use it: "1<dag_id>" for cluster DAGs. */
export const dagIdSchema = z.string().regex(/^\d{1,30}$/, 'must be a DAG id (digits)');

export const fieldNameSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_.]{0,63}$/,
    'must be a field name such as backup_base_uri or delete_policy.policy',
  );

const valueSchema = z.union(
  [
    z.string().max(MAX_VALUE_CHARS, `must be at most ${MAX_VALUE_CHARS} characters`),
    // z.number() refuses Infinity and NaN by itself (zod 4).
    z.number(),
    z.boolean(),
    z.null(),
  ],
  { error: 'must be a string, number, boolean or null' },
);
export type ChangeValue = z.infer<typeof valueSchema>;

export const changeSchema = z.strictObject({
  field: fieldNameSchema,
  old: valueSchema,
  new: valueSchema,
});
export type Change = z.infer<typeof changeSchema>;

const isoTimeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

/** `POST history/entries`: what the browser says it applied. The user is never part of it. */
export const newEntryBodySchema = z.strictObject({
  clusterId: clusterIdSchema,
  scope: scopeSchema,
  dagId: dagIdSchema,
  changes: z
    .array(changeSchema)
    .max(MAX_CHANGES, `must list at most ${MAX_CHANGES} changed fields`),
  outcome: outcomeSchema.optional(),
  startedAt: isoTimeSchema.optional(),
  finishedAt: isoTimeSchema.optional(),
});
export type NewEntryBody = z.infer<typeof newEntryBodySchema>;

/** `PATCH history/entries/:id/outcome`: an outcome the browser saw on the task page. */
export const outcomeBodySchema = z.strictObject({
  outcome: outcomeSchema,
  startedAt: isoTimeSchema.optional(),
  finishedAt: isoTimeSchema.optional(),
});
export type OutcomeBody = z.infer<typeof outcomeBodySchema>;

export const entryIdParamsSchema = z.strictObject({
  id: z.coerce.number().int('must be an entry id').positive('must be an entry id'),
});

/** A DAG as `/task/dags/ob` lists it (contract §5); lenient like the browser's own schema. */
export const reconcileDagSchema = z.looseObject({
  id: dagIdSchema,
  name: z.string().max(300),
  state: z.string().max(20),
  operator: z.string().max(20),
  start_time: z.string().max(64).nullish(),
  end_time: z.string().max(64).nullish(),
});
export type ReconcileDag = z.infer<typeof reconcileDagSchema>;

export const MAX_RECONCILE_DAGS = 500;
export const reconcileBodySchema = z.strictObject({
  clusterId: clusterIdSchema,
  dags: z
    .array(reconcileDagSchema)
    .max(MAX_RECONCILE_DAGS, `must list at most ${MAX_RECONCILE_DAGS} DAGs per request`),
});

export const MAX_PAGE_SIZE = 200;

/** Filters shared by the list and the exports (query strings: everything arrives as text). */
export const filterQuerySchema = z.strictObject({
  cluster: clusterIdSchema.optional(),
  field: fieldNameSchema.optional(),
  user: z.string().trim().min(1).max(MAX_USER_CHARS).optional(),
  outcome: z
    .string()
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(outcomeSchema).min(1, 'must name at least one outcome'))
    .optional(),
  source: sourceSchema.optional(),
  dag: dagIdSchema.optional(),
  from: isoTimeSchema.optional(),
  to: isoTimeSchema.optional(),
});
export type HistoryFilter = z.infer<typeof filterQuerySchema>;

export const listQuerySchema = filterQuerySchema.extend({
  page: z.coerce.number().int().min(1, 'must be 1 or more').default(1),
  size: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 or more')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(50),
});

export const facetsQuerySchema = z.strictObject({ cluster: clusterIdSchema.optional() });

/** An entry as the API answers it (and as the export writes it). */
export const entrySchema = z.object({
  id: z.number().int().positive(),
  time: z.string(),
  clusterId: z.string(),
  scope: z.string(),
  /** Portal user from the trusted header; "unknown" without one; null for outside entries. */
  user: z.string().nullable(),
  changes: z.array(changeSchema),
  dagId: z.string(),
  outcome: outcomeSchema,
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  source: sourceSchema,
});
export type HistoryEntry = z.infer<typeof entrySchema>;
