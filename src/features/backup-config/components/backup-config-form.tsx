import { Alert, Fieldset, Stack } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useMessages } from '../../../lib/i18n/messages';
import { useBackupConfigSubmit } from '../hooks/use-backup-config-submit';
import type { CurrentConfig } from '../hooks/use-current-config';
import { FormControlProvider } from '../hooks/use-form-control';
import { useHistoryPrefill } from '../hooks/use-history-prefill';
import { ServerIssuesProvider } from '../hooks/use-server-issues';
import { dependentFields } from '../model/field-dependencies';
import { fillUntouched, focusedFieldName } from '../model/fill-untouched';
import { createBackupConfigSchema } from '../model/form-schema';
import { initialValues, type BackupConfigFormValues } from '../model/form-values';
import { backupConfigMessages } from '../messages';
import { tenantMessages } from '../tenant-messages';
import { BindingField } from './binding-field';
import { DeletePolicyFields } from './delete-policy-fields';
import { DestinationSection } from './destination-section';
import { DurationField } from './duration-field';
import { FormFooter } from './form-footer';
import { FormLeaveGuard } from './form-leave-guard';
import { IntField } from './int-field';
import { LagField } from './lag-field';
import { ReviewDialog } from './review-dialog';
import { SubmitErrorAlert } from './submit-error-alert';
import { TenantLockNotice } from './tenant-lock-notice';

/**
 * The edit form. Mounted as soon as the tenant list is known, `reading` until every tenant's
 * current values are: editable meanwhile, but nothing can be reviewed or sent from half the
 * picture. Then its baseline is set once and never moves under it.
 */
export function BackupConfigForm({ config, reading }: { config: CurrentConfig; reading: boolean }) {
  const t = useMessages(backupConfigMessages);
  const tt = useMessages(tenantMessages);
  const { baseline } = config;
  const { tenant } = baseline;
  const schema = useMemo(() => createBackupConfigSchema(baseline), [baseline]);
  const defaults = useMemo(() => initialValues(baseline), [baseline]);
  const form = useForm<BackupConfigFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: 'onChange',
  });

  // Cross-field rules (binding → URI, s3 → lag floor): the onChange mode checks the edited field;
  // the fields whose rules read it are re-checked here, so their messages follow edits made
  // elsewhere. A reset (no field name) re-checks everything.
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ name }) => {
        const dependents = dependentFields(name);
        if (dependents === undefined) void form.trigger();
        else if (dependents.length > 0) void form.trigger(dependents);
      },
    });
  }, [form]);

  // The complete read arrived: its values fill the fields the user has not touched nor is typing
  // in; what was typed meanwhile stays (and is compared with the complete baseline from now on).
  // A layout effect: the fields fill in the same paint as the read count goes (a passive effect
  // left a frame, and a moment for a key, with the count gone and the fields still empty).
  const wasReading = useRef(reading);
  useLayoutEffect(() => {
    if (wasReading.current && !reading) fillUntouched(form, defaults, focusedFieldName());
    wasReading.current = reading;
  }, [reading, defaults, form]);

  const submit = useBackupConfigSubmit(form, baseline, defaults);
  useHistoryPrefill(form, tenant ? `tenant:${tenant.name}` : 'cluster');

  return (
    <FormControlProvider control={form.control}>
      <ServerIssuesProvider value={submit.serverIssues}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // Enter in a field submits too: no review before the baseline is complete.
            if (reading) return;
            void submit.openReview(event);
          }}
        >
          <Stack gap="md">
            {tenant && <TenantLockNotice tenant={tenant.name} refusal={submit.lockRefusal} />}
            <DestinationSection baseline={baseline} />
            <Fieldset legend={t.archiveSection}>
              <Stack gap="md">
                <IntField
                  name="log_archive_concurrency"
                  label={t.concurrencyLabel}
                  help={t.concurrencyHelp}
                  baseline={baseline.log_archive_concurrency}
                />
                <BindingField
                  baseline={baseline.binding}
                  help={tenant ? tt.bindingHelp : undefined}
                />
                <DurationField
                  name="piece_switch_interval"
                  label={t.pieceLabel}
                  help={tenant ? tt.pieceHelp : t.pieceHelp}
                  range="1d – 7d (24h – 168h)"
                  baseline={baseline.piece_switch_interval}
                  defaultUnit="d"
                />
                <LagField baseline={baseline} />
              </Stack>
            </Fieldset>
            <Fieldset legend={t.haSection}>
              <IntField
                name="ha_low_thread_score"
                label={t.haLabel}
                help={t.haHelp}
                baseline={baseline.ha_low_thread_score}
              />
            </Fieldset>
            <DeletePolicyFields />

            {submit.fieldRejected !== undefined && (
              <Alert color="red" role="alert" title={t.submitFailedTitle}>
                {t.fieldRejected} {submit.fieldRejected ? t.traceId(submit.fieldRejected) : ''}
              </Alert>
            )}
            {submit.submitError !== null && submit.review === null && (
              <SubmitErrorAlert error={submit.submitError} />
            )}

            <FormFooter baseline={baseline} onDiscard={submit.discard} />
          </Stack>
        </form>
        {submit.review && (
          <ReviewDialog
            review={submit.review}
            config={config}
            pending={submit.pending}
            submitError={submit.submitError}
            onClose={submit.closeReview}
            onConfirm={submit.confirm}
          />
        )}
        <FormLeaveGuard baseline={baseline} applied={submit.applied} />
      </ServerIssuesProvider>
    </FormControlProvider>
  );
}
