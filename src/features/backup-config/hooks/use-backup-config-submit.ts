import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { routes } from '../../../config/routes';
import { recordAppliedChange } from '../../../lib/history-recorder';
import { isObshellError, type ObshellError } from '../../../lib/obshell/envelope';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { recordSentChange } from '../../../lib/sent-changes/sent-changes';
import { backupConfigQueries } from '../api/backup-config-queries';
import { usePatchBackupConfig } from '../api/patch-backup-config';
import { BASELINE_FIELDS, commonValue, type Baseline } from '../model/baseline';
import {
  analyzeChanges,
  buildPatchBody,
  type BackupConfigPatch,
  type ChangeAnalysis,
} from '../model/changes';
import type { BackupConfigFormValues } from '../model/form-values';
import { encodeIssue } from '../model/issue';
import { isMaintenanceRefusal, mapServerError } from '../model/server-errors';
import type { ServerIssues } from './use-server-issues';

/** The values before the change, under the names the PATCH body uses, for the change history. */
function previousValues(baseline: Baseline) {
  const previous: Record<string, string | undefined> = Object.fromEntries(
    BASELINE_FIELDS.map((field) => [field, commonValue(baseline[field])]),
  );
  if (baseline.tenant) {
    // Tenant scope sends the tenant's own destinations (§7), never backup_base_uri.
    delete previous.backup_base_uri;
    previous.archive_base_uri = commonValue(baseline.tenant.archive);
    previous.data_base_uri = commonValue(baseline.tenant.data);
  }
  return previous;
}

export interface Review {
  body: BackupConfigPatch;
  analysis: ChangeAnalysis;
  values: BackupConfigFormValues;
}

/**
 * Review → confirm → PATCH, and what each outcome does to the form: success opens the task, a
 * rejection of one value lands on its field, anything else stays as an alert; entries are kept.
 */
export function useBackupConfigSubmit(
  form: UseFormReturn<BackupConfigFormValues>,
  baseline: Baseline,
  defaults: BackupConfigFormValues,
) {
  const conn = useObshell();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = usePatchBackupConfig(baseline.tenant?.name);
  // One PATCH per confirm: a ref flips synchronously, before React re-renders the disabled button,
  // so a double click or a repeating Enter key cannot slip a second request through.
  const inFlight = useRef(false);
  const [review, setReview] = useState<Review | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  /** The trace id of a field rejection ("" when obshell gave none); undefined: no rejection. */
  const [fieldRejected, setFieldRejected] = useState<string | undefined>();
  const [serverIssues, setServerIssues] = useState<ServerIssues>({});
  const [applied, setApplied] = useState(false);
  /** obshell's 500 maintenance refusal (tenant lock or global maintenance), shown on the fields. */
  const [lockRefusal, setLockRefusal] = useState<ObshellError | null>(null);

  const openReview = form.handleSubmit((submitted) => {
    const analysis = analyzeChanges(submitted, baseline);
    const body = buildPatchBody(submitted, analysis);
    if (Object.keys(body).length === 0) return;
    setSubmitError(null);
    setReview({ body, analysis, values: submitted });
  });

  const rejectField = (error: unknown, body: BackupConfigPatch): boolean => {
    if (!isObshellError(error)) return false;
    const mapped = mapServerError(error, body);
    if (!mapped) return false;
    setServerIssues({
      [mapped.target]: {
        message: encodeIssue(`server.${mapped.errCode}`, {
          quoted: mapped.quoted ?? '',
          message: error.message,
        }),
        value: JSON.stringify(form.getValues(mapped.target)),
      },
    });
    setFieldRejected(error.traceId ?? '');
    setReview(null);
    setTimeout(() => form.setFocus(mapped.target), 0);
    return true;
  };

  const confirm = () => {
    if (!review || inFlight.current) return;
    inFlight.current = true;
    setSubmitError(null);
    setFieldRejected(undefined);
    setLockRefusal(null);
    mutation.mutate(review.body, {
      onSuccess: (dag) => {
        setApplied(true);
        // The change history (server): fields old → new, masked there and here.
        void recordAppliedChange({
          cluster: { id: conn.clusterKey, name: conn.label },
          scope: baseline.tenant ? `tenant:${baseline.tenant.name}` : 'cluster',
          dagId: dag.id,
          patch: { ...review.body },
          previous: previousValues(baseline),
        });
        // The task's timeline compares each tenant with this afterwards (secret-free copy). Only
        // a cluster-level DAG gets that proof panel; a tenant-level one would be kept for nothing.
        if (!baseline.tenant) recordSentChange(conn.clusterKey, dag.id, review.body);
        form.reset(review.values);
        void queryClient.invalidateQueries({ queryKey: backupConfigQueries.all(conn.clusterKey) });
        void queryClient.invalidateQueries({
          queryKey: backupConfigQueries.tenants(conn.clusterKey),
        });
        void navigate(routes.task(dag.id));
      },
      onError: (error) => {
        inFlight.current = false;
        // Only the tenant-level DAG is a maintenance DAG (§7); the cluster-level one is never refused.
        if (baseline.tenant && isMaintenanceRefusal(error)) {
          setLockRefusal(error);
          setReview(null);
        } else if (!rejectField(error, review.body)) setSubmitError(error);
      },
    });
  };

  const discard = () => {
    form.reset(defaults);
    setServerIssues({});
    setSubmitError(null);
    setFieldRejected(undefined);
    setLockRefusal(null);
  };

  return {
    review,
    closeReview: () => setReview(null),
    openReview,
    confirm,
    discard,
    pending: mutation.isPending,
    submitError,
    fieldRejected,
    serverIssues,
    applied,
    lockRefusal,
  };
}
