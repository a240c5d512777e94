import {
  checkArchiveLagTarget,
  checkScheme,
  checkValues,
  type BackupConfigChange,
  type RawBody,
} from './backup-config';
import { backupErrors } from './backup-errors';

/**
 * `POST|PATCH /api/v1/tenant/:name/backup/config` body checks (contract §7, backup_tenant.go):
 * POST needs data_base_uri, then archive_base_uri; PATCH needs archive_base_uri beside a non-empty
 * binding / piece_switch_interval; then the §4 value checks without the user-tenant check.
 */
export function validateTenantBackupConfig(
  raw: RawBody,
  mode: 'POST' | 'PATCH',
): BackupConfigChange {
  if (mode === 'POST') {
    if (!raw.dataBaseUri) throw backupErrors.dataBaseUriEmpty();
    if (!raw.archiveBaseUri) throw backupErrors.archiveBaseUriEmpty();
  }
  if (mode === 'PATCH' && !raw.archiveBaseUri) {
    if (raw.binding) throw backupErrors.archiveUriNeededFor('binding');
    if (raw.pieceSwitchInterval) throw backupErrors.archiveUriNeededFor('piece_switch_interval');
  }
  const change = checkValues(raw);
  // newBackupConf: an empty URI gives no destination (leave it unchanged).
  if (raw.archiveBaseUri) {
    checkScheme(raw.archiveBaseUri);
    change.archiveBaseUri = raw.archiveBaseUri;
  }
  if (raw.dataBaseUri) {
    checkScheme(raw.dataBaseUri);
    change.dataBaseUri = raw.dataBaseUri;
  }
  if (raw.archiveLagTarget !== undefined) {
    const lag = raw.archiveLagTarget.toLowerCase();
    // Checked only when there is an archive destination (non-empty archive_base_uri).
    if (raw.archiveBaseUri && lag !== '') checkArchiveLagTarget(lag, raw.archiveBaseUri);
    change.archiveLagTarget = lag;
  }
  return change;
}
