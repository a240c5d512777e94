import type { BackupConfigPatch } from './changes';
import { maskSecrets } from './storage-uri';

function pyString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The same change as an obshell-sdk-python call (`ClientSet.v1.patch_cluster_backup_config`, or in
 * tenant scope `patch_tenant_backup_config(tenant_name, data_base_uri=…, archive_base_uri=…, …)`,
 * obshell-sdk-python 88ae912 client_v1.py 2007), whose keyword names differ from the JSON body for
 * the delete policy. Secrets are masked unless asked.
 */
export function pythonSdkSnippet(
  body: BackupConfigPatch,
  target: { host: string; port: number | string },
  options: { revealSecrets?: boolean; tenant?: string | undefined } = {},
): string {
  const show = (text: string) => (options.revealSecrets ? text : maskSecrets(text));
  const args: string[] = [];
  if (options.tenant !== undefined) args.push(`tenant_name=${pyString(options.tenant)}`);
  for (const key of ['backup_base_uri', 'data_base_uri', 'archive_base_uri'] as const) {
    const uri = body[key];
    if (uri !== undefined) args.push(`${key}=${pyString(show(uri))}`);
  }
  if (body.log_archive_concurrency !== undefined) {
    args.push(`log_archive_concurrency=${body.log_archive_concurrency}`);
  }
  if (body.binding !== undefined) args.push(`binding=${pyString(body.binding)}`);
  if (body.ha_low_thread_score !== undefined)
    args.push(`ha_low_thread_score=${body.ha_low_thread_score}`);
  if (body.piece_switch_interval !== undefined) {
    args.push(`piece_switch_interval=${pyString(body.piece_switch_interval)}`);
  }
  if (body.archive_lag_target !== undefined) {
    args.push(`archive_lag_target=${pyString(body.archive_lag_target)}`);
  }
  if (body.delete_policy !== undefined) {
    args.push(`delete_policy=${pyString(body.delete_policy.policy)}`);
    args.push(`delete_recovery_window=${pyString(body.delete_policy.recovery_window)}`);
  }
  return [
    'from obshell import ClientSet',
    'from obshell.auth import PasswordAuth',
    '',
    `client = ClientSet(${pyString(target.host)}, ${target.port}, PasswordAuth("******"))`,
    `dag = client.v1.${options.tenant !== undefined ? 'patch_tenant' : 'patch_cluster'}_backup_config(${args.length ? `\n    ${args.join(',\n    ')},\n` : ''})`,
    'client.v1.wait_dag_succeed(dag.generic_id)',
  ].join('\n');
}

/** The exact JSON body as it will be sent, with `access_key` values masked for display. */
export function maskedBodyJson(body: BackupConfigPatch): string {
  return maskSecrets(JSON.stringify(body, null, 2));
}
