import { z } from '../zod-mini';

/**
 * Response schemas of the per-tenant reads (contract §4 storage, §8 status and parameters).
 * Lenient where obshell is: extra keys pass, optional fields may be missing or null.
 */

const optionalString = z.optional(z.nullable(z.string()));
const optionalNumber = z.optional(z.nullable(z.number()));

/**
 * obshell's list shape `{contents, page?}`: `contents` is null when nothing matched (gorm leaves the
 * nil slice), read as []; `page` only where the endpoint pages (backup/tasks).
 */
export function paged<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({
    contents: z.pipe(
      z.nullish(z.array(item)),
      z.transform((c) => c ?? []),
    ),
    page: z.optional(
      z.looseObject({
        total_elements: optionalNumber,
        total_pages: optionalNumber,
        size: optionalNumber,
        number: optionalNumber,
      }),
    ),
  });
}

/**
 * `GET /tenant/:name/backup/config/storage`: URIs rendered for that tenant without credentials,
 * "" when unset; `data` null only when a rendered URI still shows access_id/access_key (§4).
 */
export const tenantStorageSchema = z.pipe(
  z.nullish(
    z.looseObject({
      tenant_id: z.optional(z.number()),
      archive_base_uri: z.optional(z.string()),
      data_base_uri: z.optional(z.string()),
    }),
  ),
  z.transform((data) => data ?? null),
);
export type TenantStorage = z.infer<typeof tenantStorageSchema>;

const parameterSchema = z.looseObject({
  name: z.string(),
  value: z.pipe(
    z.union([z.string(), z.number(), z.boolean()]),
    z.transform((v) => String(v)),
  ),
});

/** `contents` is null when no parameter matches the filter; names lower-cased. */
export const tenantParameterListSchema = z.pipe(
  paged(parameterSchema),
  z.transform((data) =>
    Object.fromEntries(data.contents.map((p) => [p.name.toLowerCase(), p.value])),
  ),
);

/** One archive round of `GET /tenant/:name/backup/log/tasks` (BEGINNING/DOING/STOPPING/PREPARE/SUSPEND). */
export const archiveLogTaskSchema = z.looseObject({
  tenant_id: optionalNumber,
  round_id: optionalNumber,
  status: z.string(),
  path: optionalString,
  /** Seconds behind now (obshell truncates to 4 decimals). */
  delay: optionalNumber,
  checkpoint: optionalString,
  start_time: optionalString,
});
export const archiveLogTasksSchema = z.pipe(
  paged(archiveLogTaskSchema),
  z.transform((data) => data.contents),
);
export type ArchiveLogTask = z.infer<typeof archiveLogTaskSchema>;

/** `GET /tenant/:name/backup/info` (sic "lastest"; fields omitted when unknown, delay also when 0). */
export const backupInfoSchema = z.looseObject({
  tenant_id: optionalNumber,
  lastest_archive_log_checkpoint: optionalString,
  lastest_data_backup_time: optionalString,
  archive_log_delay: optionalNumber,
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/** A `CDB_OB_BACKUP_TASKS` row (overview); only what the dashboard shows is required. */
export const backupTaskSchema = z.looseObject({
  tenant_id: optionalNumber,
  task_id: optionalNumber,
  job_id: optionalNumber,
  backup_set_id: optionalNumber,
  start_timestamp: optionalString,
  end_timestamp: optionalString,
  status: z.string(),
  result: optionalNumber,
  comment: optionalString,
  path: optionalString,
});
export type BackupTask = z.infer<typeof backupTaskSchema>;
export const backupOverviewSchema = z.looseObject({ status: backupTaskSchema });
/** `GET /obcluster/backup/overview`: one task per user tenant that has any (others skipped). */
export const clusterBackupOverviewSchema = z.looseObject({ statuses: z.array(backupTaskSchema) });

/** A backup job of `GET /tenant/:name/backup/tasks` (history and running jobs merged). */
export const backupJobSchema = z.looseObject({
  tenant_id: optionalNumber,
  job_id: optionalNumber,
  backup_set_id: optionalNumber,
  plus_archivelog: z.optional(z.nullable(z.union([z.boolean(), z.string()]))),
  backup_type: optionalString,
  start_timestamp: optionalString,
  end_timestamp: optionalString,
  status: z.string(),
  result: optionalNumber,
  comment: optionalString,
  description: optionalString,
  path: optionalString,
});
export type BackupJob = z.infer<typeof backupJobSchema>;
export const backupJobsSchema = paged(backupJobSchema);
export type BackupJobs = z.infer<typeof backupJobsSchema>;
