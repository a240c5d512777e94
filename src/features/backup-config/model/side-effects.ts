import type { BackupConfigPatch } from './changes';

/**
 * What obshell's "Set backup config" step does beyond setting values (contract §4), which a DBA
 * must be warned about before submitting.
 */
export interface SideEffects {
  /**
   * Setting log_archive_concurrency or a non-empty backup_base_uri switches log archiving off
   * (NOARCHIVELOG) for every user tenant not already in it, and nothing switches it back on.
   */
  archivingOff: boolean;
  /** A non-empty backup_base_uri cancels running data backups (and waits for them). */
  cancelsDataBackups: boolean;
  /** The existing delete policy is dropped before the new one is added. */
  replacesDeletePolicy: boolean;
}

export function sideEffects(body: BackupConfigPatch): SideEffects {
  const uriSet = body.backup_base_uri !== undefined && body.backup_base_uri !== '';
  return {
    archivingOff: uriSet || body.log_archive_concurrency !== undefined,
    cancelsDataBackups: uriSet,
    replacesDeletePolicy: body.delete_policy !== undefined,
  };
}
