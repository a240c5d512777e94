import { Alert, Button, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import type { Baseline } from '../model/baseline';
import type { BackupConfigPatch, ChangeAnalysis } from '../model/changes';
import { maskedBodyJson, pythonSdkSnippet } from '../model/sdk-snippet';
import { sideEffects } from '../model/side-effects';
import { backupConfigMessages } from '../messages';
import { tenantMessages } from '../tenant-messages';
import { CopyBlock } from './copy-block';
import { ReviewChanges } from './review-changes';

export interface ReviewProps {
  opened: boolean;
  onClose: () => void;
  body: BackupConfigPatch;
  analysis: ChangeAnalysis;
  baseline: Baseline;
  clusterName: string;
  tenantNames: string[];
  runningDagIds: string[];
  /** Tenant scope: that tenant's name (body keys, SDK method and warnings follow it). */
  tenant?: string | undefined;
  agent: { host: string; port: number | string };
  pending: boolean;
  error?: ReactNode;
  onConfirm: () => void;
}

/** Old → new in words, the exact (masked) body, the SDK twin, side effects, then one confirm. */
export function ReviewModal(props: ReviewProps) {
  const t = useMessages(backupConfigMessages);
  const tt = useMessages(tenantMessages);
  const { body, tenant } = props;
  const [typed, setTyped] = useState('');
  // The configured target name; kept beside the real cluster name when the two differ.
  const target = useObshell().label;
  const effects = sideEffects(body);
  const archivingOff = effects.archivingOff;
  const nameOk = !archivingOff || typed === props.clusterName;
  const canApply = nameOk && !props.pending;
  const warnings: string[] = [];
  if (archivingOff) {
    warnings.push(
      tenant ? tt.warnArchiveOff(tenant) : t.warnArchiveOff(props.tenantNames.join(', ')),
    );
  }
  if (effects.cancelsDataBackups) warnings.push(t.warnDataBackup);
  if (effects.replacesDeletePolicy) warnings.push(t.warnDeletePolicy);
  if (tenant && props.runningDagIds.length > 0) {
    warnings.push(tt.lockWarning(tenant, props.runningDagIds.join(', ')));
  } else for (const id of props.runningDagIds) warnings.push(t.warnRunningDag(id));

  return (
    <Modal
      opened={props.opened}
      onClose={props.pending ? () => undefined : props.onClose}
      title={t.reviewTitle}
      size="xl"
      closeOnClickOutside={!props.pending}
      // Just under Mantine's default (200): the app's "sign in again" dialog must cover the review.
      zIndex={190}
      closeButtonProps={{ 'aria-label': t.close, disabled: props.pending }}
    >
      <form
        aria-label={t.reviewTitle}
        onSubmit={(event) => {
          event.preventDefault();
          if (canApply) props.onConfirm();
        }}
      >
        <Stack gap="md">
          {/* Several clusters: say which one this change lands on before anything else. */}
          <Text size="sm" data-testid="review-cluster">
            <Text span c="dimmed">
              {t.actingCluster}:{' '}
            </Text>
            <Text span fw={700}>
              {props.clusterName}
            </Text>
            {target !== props.clusterName ? (
              <Text span c="dimmed">
                {` (${t.actingTarget(target)})`}
              </Text>
            ) : null}
          </Text>
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t.changesTitle}
            </Title>
            <ReviewChanges body={body} analysis={props.analysis} baseline={props.baseline} />
          </Stack>
          {warnings.length > 0 && (
            <Alert color="orange" title={t.warningsTitle} role="note">
              <List size="sm" spacing={4}>
                {warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <CopyBlock title={t.bodyTitle} text={maskedBodyJson(body)} />
          <CopyBlock title={t.sdkTitle} text={pythonSdkSnippet(body, props.agent, { tenant })} />
          {props.error}
          {archivingOff && (
            <TextInput
              label={t.confirmLabel(props.clusterName)}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              error={typed !== '' && !nameOk ? t.confirmMismatch : undefined}
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={props.pending}>
              {t.back}
            </Button>
            <Button
              type="submit"
              color={archivingOff ? 'red' : 'blue'}
              disabled={!canApply}
              loading={props.pending}
            >
              {t.apply}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
