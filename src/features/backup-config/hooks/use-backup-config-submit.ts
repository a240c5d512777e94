import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { routes } from '../../../config/routes';
import { isObshellError } from '../../../lib/obshell/envelope';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { recordSentChange } from '../../../lib/sent-changes/sent-changes';
import { backupConfigQueries } from '../api/backup-config-queries';
import { usePatchBackupConfig } from '../api/patch-backup-config';
import type { Baseline } from '../model/baseline';
import {
  analyzeChanges,
  buildPatchBody,
  type BackupConfigPatch,
  type ChangeAnalysis,
} from '../model/changes';
import type { BackupConfigFormValues } from '../model/form-values';
import { encodeIssue } from '../model/issue';
import { mapServerError } from '../model/server-errors';
import type { ServerIssues } from './use-server-issues';

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
  const mutation = usePatchBackupConfig();
  // One PATCH per confirm: a ref flips synchronously, before React re-renders the disabled button,
  // so a double click or a repeating Enter key cannot slip a second request through.
  const inFlight = useRef(false);
  const [review, setReview] = useState<Review | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  /** The trace id of a field rejection ("" when obshell gave none); undefined: no rejection. */
  const [fieldRejected, setFieldRejected] = useState<string | undefined>();
  const [serverIssues, setServerIssues] = useState<ServerIssues>({});
  const [applied, setApplied] = useState(false);

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
    mutation.mutate(review.body, {
      onSuccess: (dag) => {
        setApplied(true);
        // The task's timeline compares each tenant with this afterwards (secret-free copy).
        recordSentChange(conn.clusterKey, dag.id, review.body);
        form.reset(review.values);
        void queryClient.invalidateQueries({ queryKey: backupConfigQueries.all(conn.clusterKey) });
        void queryClient.invalidateQueries({
          queryKey: backupConfigQueries.tenants(conn.clusterKey),
        });
        void navigate(routes.task(dag.id));
      },
      onError: (error) => {
        inFlight.current = false;
        if (!rejectField(error, review.body)) setSubmitError(error);
      },
    });
  };

  const discard = () => {
    form.reset(defaults);
    setServerIssues({});
    setSubmitError(null);
    setFieldRejected(undefined);
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
  };
}
