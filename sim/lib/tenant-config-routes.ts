import { bindBackupConfig } from './backup-config';
import { backupErrors } from './backup-errors';
import { BACKUP_DAG_NAME } from './dag-core';
import { dagDto, holdsTenantLock } from './dag-model';
import { route, type ApiRequest, type ApiRoute } from './route-kit';
import type { SimState } from './sim-state';
import { validateTenantBackupConfig } from './tenant-backup-config';
import { userTenant } from './tenant-routes';

/**
 * What CreateDagInstanceByTemplate refuses for a tenant-maintenance DAG (status_maintainer.go):
 * a global maintenance first (cluster status), then another DAG holding the tenant's lock.
 */
export function checkTenantLock(sim: SimState, dagName: string, tenant: string): void {
  if (sim.maintenance) throw backupErrors.clusterUnderMaintenance(dagName, sim.maintenanceDag);
  const holder = sim.engine
    .all()
    .find((dag) => holdsTenantLock(dag) && dag.maintenanceKey === tenant);
  if (holder) throw backupErrors.tenantUnderMaintenance(dagName, tenant);
}

/** `POST|PATCH /tenant/:name/backup/config` (§7): cluster agent → not sys → exists → body. */
function setTenantBackupConfig(mode: 'POST' | 'PATCH') {
  return (sim: SimState, req: ApiRequest) => {
    const tenant = userTenant(sim, req);
    const raw = bindBackupConfig(req.body, 'tenant');
    const change = validateTenantBackupConfig(raw, mode);
    checkTenantLock(sim, `${BACKUP_DAG_NAME} for ${tenant.name}`, tenant.name);
    const dag = sim.engine.createBackupConfigDag(change, sim.options.agents, tenant.name);
    return dagDto(dag, false);
  };
}

export const tenantConfigRoutes: ApiRoute[] = [
  route('POST', '/api/v1/tenant/:name/backup/config', true, setTenantBackupConfig('POST')),
  route('PATCH', '/api/v1/tenant/:name/backup/config', true, setTenantBackupConfig('PATCH')),
];
