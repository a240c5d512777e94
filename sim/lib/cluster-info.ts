import type { TenantState } from './cluster-state';
import { formatTime } from './dag-model';
import { master } from './route-kit';
import type { SimState } from './sim-state';

/** The sys tenant: listed by obcluster/info, readable by the parameter routes, never configured. */
export const SYS_TENANT = {
  name: 'sys',
  tenant_id: 1,
  status: 'NORMAL',
  locked: 'NO',
  in_recyclebin: 'NO',
  parameters: {
    log_archive_concurrency: '0',
    ha_low_thread_score: '0',
    archive_lag_target: '2m',
  } as Record<string, string>,
} as const;

function tenantRow(
  t: Pick<TenantState, 'name' | 'tenant_id' | 'status' | 'locked' | 'in_recyclebin'>,
  type: 'SYS' | 'USER',
) {
  return {
    tenant_id: t.tenant_id,
    tenant_name: t.name,
    tenant_type: type,
    mode: 'MYSQL',
    status: t.status,
    locked: t.locked,
    in_recyclebin: t.in_recyclebin,
    primary_zone: 'RANDOM',
    pools: [`${t.name}_pool`],
  };
}

/**
 * `GET /api/v1/obcluster/info` (contract §4): every non-META tenant not in the recycle bin, sys
 * included, whatever its status. Degraded (OceanBase unreachable): `tenants: null`.
 */
export function clusterInfo(sim: SimState) {
  const o = sim.options;
  const zones = [...new Set(o.agents.map((a) => a.zone))];
  const started = formatTime(sim.startedAt - 86_400_000);
  const tenants = [
    tenantRow(SYS_TENANT, 'SYS'),
    ...sim.tenants.filter((t) => t.in_recyclebin === 'NO').map((t) => tenantRow(t, 'USER')),
  ];
  return {
    cluster_name: o.clusterName,
    cluster_id: o.clusterId,
    status: 'AVAILABLE',
    is_community_edition: true,
    is_standalone: false,
    ob_version: o.obVersion,
    dead_lock_detection_enabled: true,
    stats: { cpu_core_total: 48, cpu_core_assigned: 20, memory_total: '96.0G', disk_total: '1.0T' },
    zones: zones.map((zone, index) => {
      const servers = o.agents.filter((a) => a.zone === zone);
      const first = servers[0] ?? master(sim);
      return {
        name: zone,
        idc_name: `idc${index + 1}`,
        region_name: 'sys_region',
        status: 'ACTIVE',
        inner_status: 'ACTIVE',
        root_server: {
          ip: first.ip,
          role: index === 0 ? 'LEADER' : 'FOLLOWER',
          zone,
          svr_port: 2882,
        },
        servers: servers.map((server, i) => ({
          id: index * 10 + i + 1,
          ip: server.ip,
          svr_port: 2882,
          sql_port: 2881,
          version: o.obVersion,
          with_rootserver: i === 0,
          status: 'ACTIVE',
          inner_status: 'ACTIVE',
          start_time: started,
          stop_time: '0001-01-01T00:00:00Z',
          architecture: 'x86_64',
        })),
      };
    }),
    tenants: sim.degraded ? null : tenants,
    tenant_stats: sim.degraded ? null : [],
  };
}
