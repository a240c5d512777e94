/**
 * Which phase of "Set backup config" is running, read from the log lines obshell writes
 * (contract §4, SetBackupConfigTask in ob/agent/executor/ob/backup_config.go). The sub-task is one
 * step with up to six phases over all tenants; its state alone says only "running".
 */
export type SetConfigPhase =
  | 'closeArchive'
  | 'concurrency'
  | 'archiveDest'
  | 'lagTarget'
  | 'waitBackup'
  | 'dataDest'
  | 'haScore'
  | 'deletePolicy';

const patterns: [RegExp, SetConfigPhase][] = [
  [/^Close archive log for /, 'closeArchive'],
  [/^Wait for .* archive log to be /, 'closeArchive'],
  [/^Archive log has been closed for /, 'closeArchive'],
  [/^Set log archive concurrency /, 'concurrency'],
  [/^Set log archive dest /, 'archiveDest'],
  [/^URI is /, 'archiveDest'],
  [/^Set archive lag target /, 'lagTarget'],
  [/^Wait .* backup finish/, 'waitBackup'],
  [/ backup finished$/, 'waitBackup'],
  [/^Set data backup dest /, 'dataDest'],
  [/^Set ha low thread score /, 'haScore'],
  [/^(Drop|Set) delete policy /, 'deletePolicy'],
];

/** obshell names tenants as `name(id)`, e.g. "t(1002)". */
const tenantPattern = /\b([A-Za-z_][\w$]*\(\d+\))/;

export interface PhaseAt {
  phase: SetConfigPhase;
  /** The tenant the line names, when it names one. */
  tenant?: string;
}

/**
 * The phase of the last line that names one. Logs accumulate across runs (RETRY re-runs from phase
 * 1), so the last line, not the furthest phase, says where the current run is. obshell may prefix a
 * line (time, level); the match looks past that.
 */
export function currentSetConfigPhase(lines: readonly string[]): PhaseAt | undefined {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = stripPrefix(lines[i] ?? '');
    const hit = patterns.find(([pattern]) => pattern.test(line));
    if (!hit) continue;
    // "URI is '…'" carries a destination, never a tenant; do not read one out of the URI.
    const tenant = hit[0].source.startsWith('^URI') ? undefined : tenantPattern.exec(line)?.[1];
    return tenant ? { phase: hit[1], tenant } : { phase: hit[1] };
  }
  return undefined;
}

function stripPrefix(line: string): string {
  const trimmed = line.trim();
  const start = trimmed.search(
    /(Close|Wait|Archive log|Set |URI is|Drop delete|[A-Za-z_][\w$]*\(\d+\) backup finished)/,
  );
  return start > 0 ? trimmed.slice(start) : trimmed;
}
