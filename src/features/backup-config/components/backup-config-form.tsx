import { Alert, Button, Fieldset, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useController, useForm, useFormState, useWatch, type Control } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { routes } from '../../../config/routes';
import { useMessages } from '../../../lib/i18n/messages';
import { BACKUP_CONFIG_DAG_NAME, isTerminalDag } from '../../../lib/obshell/dag';
import { agentQueries } from '../../../lib/obshell/agent-info';
import { dagListQueries } from '../../../lib/obshell/dag-lists';
import { isObshellError } from '../../../lib/obshell/envelope';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { backupConfigKeys } from '../api/backup-config-queries';
import { usePatchBackupConfig } from '../api/patch-backup-config';
import { useIssueText } from '../hooks/use-issue-text';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import {
  ServerIssuesProvider,
  useServerIssue,
  type ServerIssues,
} from '../hooks/use-server-issues';
import type { CurrentConfig } from '../hooks/use-current-config';
import type { Baseline, FieldBaseline } from '../model/baseline';
import {
  analyzeChanges,
  buildPatchBody,
  type BackupConfigPatch,
  lagNeedsS3Floor,
  type ChangeAnalysis,
} from '../model/changes';
import { dependentFields } from '../model/field-dependencies';
import { createBackupConfigSchema } from '../model/form-schema';
import { initialValues, type BackupConfigFormValues } from '../model/form-values';
import { encodeIssue } from '../model/issue';
import { mapServerError } from '../model/server-errors';
import { backupConfigMessages } from '../messages';
import { DeletePolicyFields } from './delete-policy-fields';
import { DestinationFields } from './destination-fields';
import { DurationField } from './duration-field';
import { FieldHelp } from './field-help';
import { IntField } from './int-field';
import { LeaveModal } from './leave-modal';
import { ReviewModal } from './review-modal';
import { SubmitErrorAlert } from './submit-error-alert';

/**
 * Every value, for the few parts that summarize the whole form. Only the components calling this
 * re-render on each keystroke; the fields themselves subscribe to their own value.
 */
function useAnalysis(control: Control<BackupConfigFormValues>, baseline: Baseline) {
  const values = useWatch({ control }) as BackupConfigFormValues;
  return { values, analysis: analyzeChanges(values, baseline) };
}

function DestinationSection({
  control,
  baseline,
}: {
  control: Control<BackupConfigFormValues>;
  baseline: Baseline;
}) {
  const { analysis } = useAnalysis(control, baseline);
  return (
    <MemoDestinationFields
      control={control}
      baseline={baseline.backup_base_uri}
      requiredBy={analysis.uriRequiredBy.join(', ')}
      destinationFilled={analysis.destinationFilled}
      uriChanged={analysis.dirty.has('backup_base_uri')}
      composedUri={analysis.composedUri}
    />
  );
}

const MemoDestinationFields = memo(DestinationFields);
const MemoDurationField = memo(DurationField);

function LagField({
  control,
  baseline,
}: {
  control: Control<BackupConfigFormValues>;
  baseline: Baseline;
}) {
  const t = useMessages(backupConfigMessages);
  const { values, analysis } = useAnalysis(control, baseline);
  const lagS3 = lagNeedsS3Floor(values, analysis, baseline);
  const note = lagS3 ? t.lagS3 : analysis.uriSent ? '' : t.lagNotChecked;
  // The same element while the note is the same, so the memoized field skips the keystroke.
  const extra = useMemo(
    () => (
      <Text component="span" size="xs" c="dimmed">
        {note}
      </Text>
    ),
    [note],
  );
  return (
    <MemoDurationField
      control={control}
      name="archive_lag_target"
      label={t.lagLabel}
      help={t.lagHelp}
      range={lagS3 ? '1m – 2h' : '1ns – 2h'}
      baseline={baseline.archive_lag_target}
      defaultUnit="m"
      extra={extra}
    />
  );
}

function useChangeCount(control: Control<BackupConfigFormValues>, baseline: Baseline) {
  const { values, analysis } = useAnalysis(control, baseline);
  return Object.keys(buildPatchBody(values, analysis)).length;
}

function FormFooter({
  control,
  baseline,
  onDiscard,
}: {
  control: Control<BackupConfigFormValues>;
  baseline: Baseline;
  onDiscard: () => void;
}) {
  const t = useMessages(backupConfigMessages);
  const changeCount = useChangeCount(control, baseline);
  const { errors, isDirty } = useFormState({ control });
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 2 }} shadow="sm">
      <Group justify="space-between">
        <Text size="sm" c={hasErrors ? 'red' : 'dimmed'}>
          {changeCount === 0 ? t.noChanges : hasErrors ? t.fixErrors : ''}
        </Text>
        <Group>
          <Button variant="default" onClick={onDiscard} disabled={!isDirty}>
            {t.discard}
          </Button>
          <Button type="submit" disabled={changeCount === 0 || hasErrors}>
            {t.review(changeCount)}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** Asks before leaving while there are unsent changes. */
function LeaveGuard({
  control,
  baseline,
  applied,
}: {
  control: Control<BackupConfigFormValues>;
  baseline: Baseline;
  applied: boolean;
}) {
  const changeCount = useChangeCount(control, baseline);
  const guard = useLeaveGuard(changeCount > 0 && !applied);
  return (
    <LeaveModal opened={guard.pendingHref !== null} onStay={guard.stay} onLeave={guard.leave} />
  );
}

function BindingField({
  control,
  baseline,
}: {
  control: Control<BackupConfigFormValues>;
  baseline: FieldBaseline;
}) {
  const t = useMessages(backupConfigMessages);
  const issueText = useIssueText();
  const {
    field: { ref, value, onChange, name },
  } = useController({ control, name: 'binding' });
  const serverIssue = useServerIssue('binding', value);
  return (
    <NativeSelect
      label={t.bindingLabel}
      description={<FieldHelp help={t.bindingHelp} baseline={baseline} />}
      name={name}
      ref={ref}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={issueText(serverIssue)}
      styles={{ wrapper: { maxWidth: 360 } }}
      data={[
        { value: '', label: t.keepCurrent },
        { value: 'OPTIONAL', label: t.bindingOptional },
        { value: 'MANDATORY', label: t.bindingMandatory },
      ]}
    />
  );
}

interface Review {
  body: BackupConfigPatch;
  analysis: ChangeAnalysis;
  values: BackupConfigFormValues;
}

/** The edit form. Mounted only once the current values loaded; its baseline never moves under it. */
export function BackupConfigForm({ config }: { config: CurrentConfig }) {
  const t = useMessages(backupConfigMessages);
  const conn = useObshell();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { baseline, cluster, tenants } = config;
  const schema = useMemo(() => createBackupConfigSchema(baseline), [baseline]);
  const defaults = useMemo(() => initialValues(baseline), [baseline]);
  const form = useForm<BackupConfigFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: 'onChange',
  });
  const { control } = form;

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

  const mutation = usePatchBackupConfig();
  // One PATCH per confirm: a ref flips synchronously, before React re-renders the disabled button,
  // so a double click or a repeating Enter key cannot slip a second request through.
  const inFlight = useRef(false);
  const [review, setReview] = useState<Review | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [fieldRejected, setFieldRejected] = useState<string | undefined>();
  const [serverIssues, setServerIssues] = useState<ServerIssues>({});
  const [applied, setApplied] = useState(false);

  const agent = useQuery({ ...agentQueries.info(conn), enabled: review !== null });
  const unfinished = useQuery({ ...dagListQueries.unfinished(conn), enabled: review !== null });
  const runningDagIds = (unfinished.data ?? [])
    .filter((dag) => dag.name === BACKUP_CONFIG_DAG_NAME && !isTerminalDag(dag))
    .map((dag) => dag.id);

  const openReview = form.handleSubmit((submitted) => {
    const a = analyzeChanges(submitted, baseline);
    const b = buildPatchBody(submitted, a);
    if (Object.keys(b).length === 0) return;
    setSubmitError(null);
    setReview({ body: b, analysis: a, values: submitted });
  });

  const confirm = () => {
    if (!review || inFlight.current) return;
    inFlight.current = true;
    setSubmitError(null);
    setFieldRejected(undefined);
    mutation.mutate(review.body, {
      onSuccess: (dag) => {
        setApplied(true);
        form.reset(review.values);
        void queryClient.invalidateQueries({ queryKey: backupConfigKeys.all(conn.clusterKey) });
        void navigate(routes.task(dag.id));
      },
      onError: (error) => {
        inFlight.current = false;
        const mapped = isObshellError(error) ? mapServerError(error, review.body) : undefined;
        if (!mapped) {
          setSubmitError(error);
          return;
        }
        const current = form.getValues(mapped.target);
        setServerIssues({
          [mapped.target]: {
            message: encodeIssue(`server.${mapped.errCode}`, {
              quoted: mapped.quoted ?? '',
              message: error instanceof Error ? error.message : '',
            }),
            value: JSON.stringify(current),
          },
        });
        setFieldRejected(isObshellError(error) ? error.traceId : undefined);
        setReview(null);
        setTimeout(() => form.setFocus(mapped.target), 0);
      },
    });
  };

  const discard = () => {
    form.reset(defaults);
    setServerIssues({});
    setSubmitError(null);
    setFieldRejected(undefined);
  };

  return (
    <ServerIssuesProvider value={serverIssues}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void openReview(event);
        }}
      >
        <Stack gap="md">
          <DestinationSection control={control} baseline={baseline} />
          <Fieldset legend={t.archiveSection}>
            <Stack gap="md">
              <IntField
                control={control}
                name="log_archive_concurrency"
                label={t.concurrencyLabel}
                help={t.concurrencyHelp}
                baseline={baseline.log_archive_concurrency}
              />
              <BindingField control={control} baseline={baseline.binding} />
              <DurationField
                control={control}
                name="piece_switch_interval"
                label={t.pieceLabel}
                help={t.pieceHelp}
                range="1d – 7d (24h – 168h)"
                baseline={baseline.piece_switch_interval}
                defaultUnit="d"
              />
              <LagField control={control} baseline={baseline} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t.haSection}>
            <IntField
              control={control}
              name="ha_low_thread_score"
              label={t.haLabel}
              help={t.haHelp}
              baseline={baseline.ha_low_thread_score}
            />
          </Fieldset>
          <DeletePolicyFields control={control} />

          {fieldRejected !== undefined && (
            <Alert color="red" role="alert" title={t.submitFailedTitle}>
              {t.fieldRejected} {fieldRejected ? t.traceId(fieldRejected) : ''}
            </Alert>
          )}
          {submitError !== null && review === null && <SubmitErrorAlert error={submitError} />}

          <FormFooter control={control} baseline={baseline} onDiscard={discard} />
        </Stack>
      </form>
      {review && (
        <ReviewModal
          opened
          onClose={() => setReview(null)}
          body={review.body}
          analysis={review.analysis}
          baseline={baseline}
          clusterName={cluster.name}
          tenantNames={tenants.map((tenant) => tenant.name)}
          runningDagIds={runningDagIds}
          agent={{
            host: agent.data?.ip ?? window.location.hostname,
            port: agent.data?.port ?? 2886,
          }}
          pending={mutation.isPending}
          error={submitError !== null ? <SubmitErrorAlert error={submitError} /> : undefined}
          onConfirm={confirm}
        />
      )}
      <LeaveGuard control={control} baseline={baseline} applied={applied} />
    </ServerIssuesProvider>
  );
}
