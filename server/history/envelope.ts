import type { z } from 'zod';

/** Answers in obshell's envelope shape (contract §1), like every other answer of this server. */
export function okEnvelope<T>(status: number, data: T) {
  return { successful: true as const, timestamp: new Date().toISOString(), status, data };
}

/**
 * zod issues → one line a developer can act on ("changes.0.field: must be a field name …").
 * Messages name the rule, never the value sent (it may hold a secret).
 */
export function describeIssues(error: z.ZodError, what: string): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
  const more =
    error.issues.length > shown.length ? ` (and ${error.issues.length - shown.length} more)` : '';
  return `Bad ${what}: ${shown.join('; ')}${more}`;
}
