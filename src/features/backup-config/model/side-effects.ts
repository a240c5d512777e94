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

const nonEmpty = (uri: string | undefined) => uri !== undefined && uri !== '';

/** Tenant scope (§7): the same phases for that tenant; archive_base_uri closes archiving (phase
 * 2), data_base_uri cancels its data backups (phase 4). */
export function sideEffects(body: BackupConfigPatch): SideEffects {
  const uriSet = nonEmpty(body.backup_base_uri);
  return {
    archivingOff:
      uriSet || nonEmpty(body.archive_base_uri) || body.log_archive_concurrency !== undefined,
    cancelsDataBackups: uriSet || nonEmpty(body.data_base_uri),
    replacesDeletePolicy: body.delete_policy !== undefined,
  };
}
