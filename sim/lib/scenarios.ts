import { z } from 'zod';
import { setBackupHistory } from './backup-jobs';
import { ARCHIVE_STATUSES, type TenantState } from './cluster-state';
import type { TenantSpec } from './options';
import type { SimState } from './sim-state';

/**
 * `POST /__sim/scenario`: puts the cluster in a state a test needs (contract §4, §6, §8 edge cases):
 * a tenant not NORMAL, archive INTERRUPTED, a tenant that never archived (`archive: "none"`, no
 * CDB_OB_ARCHIVELOG row), a growing archive delay, a running backup, degraded cluster info.
 */
export const scenarioSchema = z
  .object({
    tenant: z.string().min(1).optional(),
    /** DBA_OB_TENANTS.STATUS, e.g. NORMAL, CREATING, RESTORE, DROPPING. */
    status: z
      .string()
      .regex(/^[A-Z_]+$/, 'upper-case status such as CREATING')
      .optional(),
    locked: z.boolean().optional(),
    in_recyclebin: z.boolean().optional(),
    archive: z.union([z.literal('none'), z.enum(ARCHIVE_STATUSES)]).optional(),
    archive_delay_s: z.number().min(0).max(1e7).optional(),
    /** The checkpoint stops moving now (round still DOING): the delay grows past the target. */
    archive_stalled: z.boolean().optional(),
    /** Backup history: none (never backed up), completed, failed (last one), running. */
    backup: z.enum(['none', 'completed', 'failed', 'running']).optional(),
    /** obcluster/info answers as if OceanBase were unreachable (`tenants: null`). */
    degraded: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.tenant !== undefined || Object.keys(s).every((key) => key === 'degraded'), {
    message: 'tenant: required for tenant fields',
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** Throws a message for the control API's 400 when the tenant is unknown. */
export function applyScenario(sim: SimState, scenario: Scenario): void {
  if (scenario.degraded !== undefined) sim.degraded = scenario.degraded;
  if (scenario.tenant === undefined) return;
  const tenant = sim.tenant(scenario.tenant);
  if (!tenant) throw new Error(`tenant: no user tenant '${scenario.tenant}'`);
  if (scenario.status !== undefined) tenant.status = scenario.status;
  if (scenario.locked !== undefined) tenant.locked = scenario.locked ? 'YES' : 'NO';
  if (scenario.in_recyclebin !== undefined)
    tenant.in_recyclebin = scenario.in_recyclebin ? 'YES' : 'NO';
  if (scenario.archive_delay_s !== undefined) tenant.archive_delay_s = scenario.archive_delay_s;
  if (scenario.archive_stalled !== undefined)
    tenant.archive_stalled_at = scenario.archive_stalled ? sim.now() : null;
  if (scenario.backup !== undefined) setBackupHistory(tenant, scenario.backup, sim.now());
  if (scenario.archive !== undefined) setArchive(tenant, scenario.archive, sim.now());
}

function setArchive(tenant: TenantState, archive: Scenario['archive'], now: number): void {
  if (archive === undefined) return;
  if (archive === 'none') {
    tenant.log_archive_status = null;
    tenant.log_mode = 'NOARCHIVELOG';
    tenant.archive_round = null;
    tenant.archive_epoch++;
    return;
  }
  tenant.archive_epoch++;
  tenant.log_archive_status = archive;
  const stopped = archive === 'STOP';
  tenant.log_mode = stopped ? 'NOARCHIVELOG' : 'ARCHIVELOG';
  const round = tenant.archive_round ?? {
    round_id: 1,
    started_at: now - 3_600_000,
    stopped_at: null,
  };
  round.stopped_at = stopped ? (round.stopped_at ?? now) : null;
  tenant.archive_round = round;
}

/** `reset {tenantCount: n}`: n generated user tenants tenant_0001… (ids 1002, 1004, …). */
export function generatedTenants(count: number): TenantSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `tenant_${String(i + 1).padStart(4, '0')}`,
    id: 1002 + 2 * i,
  }));
}
