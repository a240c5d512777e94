/**
 * What the bench looks for on screen, as label patterns (RegExp sources, case-insensitive): the same
 * accessible names the e2e suite uses, so the bench follows what a user sees, not CSS classes.
 */
export const labels = {
  password: 'root@sys password',
  unlock: '^\\s*unlock\\s*$',
  /** The backup form's base-URI field: present and enabled once the form loaded its data. */
  formField: 'backup base uri|base uri',
} as const;
