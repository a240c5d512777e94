/**
 * A tenant's log archiving in one word, from what obshell lets us read (§8) and what its switch
 * answered (§6). `backup/log/tasks` lists only BEGINNING, DOING, STOPPING, PREPARE and SUSPEND
 * rounds, so "no round" is either switched off (a round existed: `backup/info` has a checkpoint)
 * or never archived (no checkpoint); INTERRUPTED is known only from the switch's 500.
 */
export type ArchiveKind =
  'doing' | 'starting' | 'suspended' | 'stopping' | 'off' | 'never' | 'interrupted' | 'unknown';

export interface ArchiveEvidence {
  /** Statuses of the tenant's listed archive rounds; undefined while not read. */
  rounds?: string[] | undefined;
  /** `backup/info` has `lastest_archive_log_checkpoint`; undefined while not read. */
  hasCheckpoint?: boolean | undefined;
  /** The archive switch named this tenant as INTERRUPTED. */
  interrupted?: boolean;
}

export function explainArchive({
  rounds,
  hasCheckpoint,
  interrupted,
}: ArchiveEvidence): ArchiveKind {
  if (interrupted) return 'interrupted';
  if (rounds === undefined) return 'unknown';
  const statuses = new Set(rounds.map((status) => status.toUpperCase()));
  if (statuses.has('DOING')) return 'doing';
  if (statuses.has('BEGINNING') || statuses.has('PREPARE')) return 'starting';
  if (statuses.has('STOPPING')) return 'stopping';
  if (statuses.has('SUSPEND')) return 'suspended';
  if (hasCheckpoint === undefined) return 'unknown';
  return hasCheckpoint ? 'off' : 'never';
}

/**
 * Whether the tenant's state may still move without anyone acting: after the switch, off and
 * starting tenants are followed until DOING; a tenant that never archived or is INTERRUPTED will
 * not get there by waiting.
 */
export function isSettled(kind: ArchiveKind, switched: boolean): boolean {
  if (kind === 'doing' || kind === 'never' || kind === 'interrupted') return true;
  if (kind === 'unknown') return false;
  // Before the switch nothing moves by itself except transitions already under way.
  return !switched && (kind === 'off' || kind === 'suspended');
}

/** Polling of one tenant's archive rounds: quick while something moves, none once settled. */
export function archivePollMs(kind: ArchiveKind, switched: boolean): number | false {
  if (isSettled(kind, switched)) return switched ? false : 15_000;
  return 2_000;
}

/** After switching: every tenant that can archive is DOING (the rest explained). */
export function allSettled(kinds: ArchiveKind[], switched: boolean): boolean {
  return kinds.every((kind) => isSettled(kind, switched));
}
