/**
 * What the bench looks for on screen, as label patterns (RegExp sources, case-insensitive): the same
 * accessible names the e2e suite uses, so the bench follows what a user sees, not CSS classes.
 */
export const labels = {
  password: 'root@sys password',
  unlock: '^\\s*unlock\\s*$',
  /** A backup-form field: the form mounts only once the current values loaded, so this means ready. */
  formField: 'log_archive_concurrency',
} as const;
