import { SimError } from './errors';

/**
 * Errors of contract §6–§7 (texts from obshell's assets/i18n/error/{en,zh}.json). Kept apart from
 * errors.ts, which holds the §1–§5 catalogue.
 */
const bad = (errCode: string, en: string, zh: string): SimError =>
  new SimError({ errCode, status: 400, legacy: 1001, kind: 'illegal-argument', en, zh });

/** CreateDagInstanceByTemplate: WrapRetain(Task.CreateFailed, cause) keeps the cause's code. */
const createFailed = (dagName: string, errCode: string, en: string, zh: string): SimError =>
  new SimError({
    errCode,
    status: 500,
    legacy: 1002,
    kind: 'unexpected',
    en: `Create task '${dagName}' failed: ${en}`,
    zh: `创建任务 '${dagName}' 失败: ${zh}`,
  });

export const backupErrors = {
  dataBaseUriEmpty: () =>
    bad('OB.Backup.DataBaseUriEmpty', 'data_base_uri cannot be empty', 'data_base_uri 不能为空'),
  archiveBaseUriEmpty: () =>
    bad(
      'OB.Backup.ArchiveBaseUriEmpty',
      'archive_base_uri cannot be empty',
      'archive_base_uri 不能为空',
    ),
  archiveUriNeededFor: (field: 'binding' | 'piece_switch_interval') =>
    bad(
      'OB.Backup.ArchiveBaseUriEmpty',
      `archive_base_uri cannot be empty: If ${field} is set, archive_base_uri must be set`,
      // OccurWithMessage: the head is localized, the detail stays English.
      `archive_base_uri 不能为空: If ${field} is set, archive_base_uri must be set`,
    ),
  tenantUnderMaintenance: (dagName: string, tenant: string) =>
    createFailed(
      dagName,
      'OB.Tenant.UnderMaintenance',
      `Tenant '${tenant}' is under maintenance, please try again later.`,
      `租户 '${tenant}' 处于运维状态中`,
    ),
  /** A global maintenance holds the cluster; `holder` = the last maintenance DAG's name. */
  clusterUnderMaintenance: (dagName: string, holder: string | null) =>
    holder === null
      ? createFailed(
          dagName,
          'OB.Cluster.UnderMaintenance',
          'OceanBase cluster is under maintenance, please try again later',
          '集群处于运维状态中',
        )
      : createFailed(
          dagName,
          'OB.Cluster.UnderMaintenanceWithDag',
          `OceanBase cluster is under maintenance by DAG: ${holder}, please try again later`,
          `集群处于运维状态中，运维任务：${holder}`,
        ),
  archiveDestEmpty: (tenant: string, id: number) =>
    bad(
      'OB.Backup.ArchiveDestEmpty',
      `Archive destination is empty, tenant: ${tenant}(${id})`,
      `租户：${tenant}(${id}) 的归档目标路径为空`,
    ),
  dataDestEmpty: (tenant: string, id: number) =>
    bad(
      'OB.Backup.DataDestEmpty',
      `Data destination is empty, tenant: ${tenant}(${id})`,
      `租户：${tenant}(${id}) 的数据备份路径为空`,
    ),
  modeInvalid: (mode: string) =>
    bad(
      'OB.Backup.Mode.Invalid',
      `Invalid backup mode: ${mode}, must be full or incremental`,
      `非法的备份模式：${mode}，必须是 full 或 incremental`,
    ),
  statusInvalid: (status: string) =>
    bad(
      'OB.Backup.Status.Invalid',
      `Invalid backup status: '${status}', must be 'canceled'`,
      `非法的备份状态：'${status}'，必须是 'canceled'`,
    ),
};
