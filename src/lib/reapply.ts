import { SECRET_MASK } from './backup-rules/mask-secrets';
import { z } from './zod-mini';

/**
 * "Apply again" from the History page to the backup form, which are different features: the
 * History page stores the change's new values here (sessionStorage, this tab only) and opens the
 * form; the form takes them once, pre-fills its fields and leaves the rest as they are. Values are
 * the masked ones from the history: a masked secret is never put back, the user types it again.
 */
export const REAPPLY_KEY = 'obdash:reapply';

const reapplySchema = z.object({
  clusterId: z.string(),
  /** "cluster" or "tenant:<name>": the form scope that takes it (absent: cluster). */
  scope: z.optional(z.string()),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type Reapply = z.infer<typeof reapplySchema>;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function stashReapply(
  clusterId: string,
  scope: string,
  changes: readonly { field: string; new: string | number | boolean | null }[],
) {
  const values = Object.fromEntries(changes.map((change) => [change.field, change.new]));
  storage()?.setItem(REAPPLY_KEY, JSON.stringify({ clusterId, scope, values }));
}

/**
 * The pending pre-fill for this cluster and form scope ("cluster" or "tenant:<name>"), removed as
 * it is read (a reload does not fill again). One made in another scope is dropped, not applied:
 * a tenant's destinations are not the cluster's.
 */
export function takeReapply(clusterId: string, scope: string): Reapply | undefined {
  const store = storage();
  const raw = store?.getItem(REAPPLY_KEY);
  if (!store || raw == null) return undefined;
  store.removeItem(REAPPLY_KEY);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = reapplySchema.safeParse(json);
  if (!parsed.success || parsed.data.clusterId !== clusterId) return undefined;
  return (parsed.data.scope ?? 'cluster') === scope ? parsed.data : undefined;
}

/** True for a value the history masked: the form must ask for it again. */
export const isMaskedSecret = (value: string) => value.includes(SECRET_MASK);
