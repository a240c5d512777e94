/**
 * obshell's 500 when a tenant's archive is INTERRUPTED: "… tenant <name> archive log is
 * interrupted" (§6). The §8 reads never list an INTERRUPTED round, so this is where we learn it.
 */
export function interruptedTenant(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return /tenant (\S+) archive log is interrupted/i.exec(error.message)?.[1];
}
