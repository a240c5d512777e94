import type { Baseline } from './baseline';
import { analyzeChanges, lagNeedsS3Floor } from './changes';
import { destinationIssues } from './destination-rules';
import { formValuesSchema, type BackupConfigFormValues } from './form-values';
import { encodeIssue, type IssueKey, type IssueParams } from './issue';
import {
  checkDuration,
  checkIntField,
  lagBounds,
  PIECE_SWITCH_BOUNDS,
  type DurationCheck,
} from './rules';

type Path = (string | number)[];

function durationIssue(check: DurationCheck): [IssueKey, IssueParams?] | undefined {
  if (check.ok) return undefined;
  if ((check.problem === 'below-min' || check.problem === 'above-max') && check.bounds) {
    return [`duration.${check.problem}`, { min: check.bounds.min, max: check.bounds.max }];
  }
  return [`duration.${check.problem}`];
}

/**
 * One schema for the form; it needs the baseline because only changed fields are validated (an
 * unchanged value is not sent, so the server will not judge it) and because the server's
 * cross-field rules depend on what is in the body.
 */
export function createBackupConfigSchema(baseline: Baseline) {
  return formValuesSchema.superRefine((values: BackupConfigFormValues, ctx) => {
    const add = (path: Path, key: IssueKey, params?: IssueParams) =>
      ctx.addIssue({ code: 'custom', path, message: encodeIssue(key, params) });
    const analysis = analyzeChanges(values, baseline);
    const { dirty } = analysis;

    // The destination is judged only when it is sent: a current one the user left alone is not
    // (its credentials are never read back, so it could not pass anyway).
    if (analysis.uriRequiredBy.length > 0 && !analysis.destinationFilled) {
      // Tenant scope: obshell's ArchiveBaseUriEmpty (contract §7), worded for archive_base_uri.
      const key = baseline.tenant ? 'uri.archive-required-by' : 'uri.required-by';
      add(['destination', 'path'], key, {
        fields: analysis.uriRequiredBy.join(', '),
      });
    } else if (analysis.uriSent) {
      for (const [field, key, params] of destinationIssues(values.destination)) {
        add(['destination', field], key, params);
      }
    }
    if (analysis.dataUri !== undefined && values.data_destination) {
      for (const [field, key, params] of destinationIssues(values.data_destination)) {
        add(['data_destination', field], key, params);
      }
    }

    for (const name of ['log_archive_concurrency', 'ha_low_thread_score'] as const) {
      if (!dirty.has(name)) continue;
      const checked = checkIntField(values[name]);
      if (!checked.ok) add([name], checked.problem, { min: '0', max: '100' });
    }

    if (dirty.has('piece_switch_interval')) {
      const issue = durationIssue(checkDuration(values.piece_switch_interval, PIECE_SWITCH_BOUNDS));
      if (issue) add(['piece_switch_interval'], ...issue);
    }
    if (dirty.has('archive_lag_target')) {
      const s3 = lagNeedsS3Floor(values, analysis, baseline);
      const issue = durationIssue(checkDuration(values.archive_lag_target, lagBounds(s3)));
      if (issue) add(['archive_lag_target'], ...issue);
    }
    if (values.delete_policy.change) {
      const window = values.delete_policy.recovery_window;
      // obshell passes recovery_window to OceanBase unchecked; an empty or malformed one makes the
      // DAG fail later, so the form asks for a well-formed duration now.
      if (window === '') add(['delete_policy', 'recovery_window'], 'recovery.required');
      else {
        const issue = durationIssue(checkDuration(window));
        if (issue) add(['delete_policy', 'recovery_window'], ...issue);
      }
    }
  });
}
