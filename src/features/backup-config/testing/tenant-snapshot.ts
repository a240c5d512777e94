import type { TenantSnapshot } from '../model/baseline';

/**
 * One user tenant as the form's reads give it back: storage rendered under `<base>/<cluster
 * id>/<tenant id>/` (clog, data) and the default parameters, with `over` replacing some of them.
 */
export function tenantSnapshot(
  name: string,
  id: number,
  over: Record<string, string> = {},
  base = 'file:///data/ob_backup',
): TenantSnapshot {
  return {
    name,
    tenantId: id,
    storage: {
      archive_base_uri: `${base}/1700000001/${id}/clog`,
      data_base_uri: `${base}/1700000001/${id}/data`,
    },
    parameters: {
      log_archive_concurrency: '0',
      ha_low_thread_score: '0',
      archive_lag_target: '2m',
      log_archive_dest: `LOCATION=${base}/1700000001/${id}/clog BINDING=OPTIONAL PIECE_SWITCH_INTERVAL=1d`,
      ...over,
    },
  };
}
