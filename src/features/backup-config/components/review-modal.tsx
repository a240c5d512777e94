import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import type { Baseline, FieldBaseline } from '../model/baseline';
import type { BackupConfigPatch, ChangeAnalysis } from '../model/changes';
import { maskedBodyJson, pythonSdkSnippet } from '../model/sdk-snippet';
import { maskSecrets } from '../model/storage-uri';
import { backupConfigMessages } from '../messages';

type Messages = (typeof backupConfigMessages)['en'];

export interface ReviewProps {
  opened: boolean;
  onClose: () => void;
  body: BackupConfigPatch;
  analysis: ChangeAnalysis;
  baseline: Baseline;
  clusterName: string;
  tenantNames: string[];
  runningDagIds: string[];
  agent: { host: string; port: number | string };
  pending: boolean;
  error?: ReactNode;
  onConfirm: () => void;
}

function oldValue(t: Messages, base: FieldBaseline): string {
  if (base.kind === 'common') return maskSecrets(base.value);
  return base.kind === 'differs' ? t.differs : t.unknown;
}

function label(t: Messages, field: keyof BackupConfigPatch): string {
  return {
    backup_base_uri: t.destinationTitle,
    log_archive_concurrency: t.concurrencyLabel,
    ha_low_thread_score: t.haLabel,
    binding: t.bindingLabel,
    piece_switch_interval: t.pieceLabel,
    archive_lag_target: t.lagLabel,
    delete_policy: t.deletePolicyTitle,
  }[field];
}

/** True when the change switches log archiving off for every tenant (contract §4). */
export function switchesArchivingOff(body: BackupConfigPatch): boolean {
  return body.backup_base_uri !== undefined || body.log_archive_concurrency !== undefined;
}

function ChangeRows({ t, props }: { t: Messages; props: ReviewProps }) {
  const { body, baseline, analysis } = props;
  const rows: { field: keyof BackupConfigPatch; from: string; to: string }[] = [];
  for (const field of Object.keys(body) as (keyof BackupConfigPatch)[]) {
    if (field === 'delete_policy') {
      const p = body.delete_policy;
      if (p) rows.push({ field, from: t.policyOld, to: t.policyNew(p.policy, p.recovery_window) });
      continue;
    }
    const to = maskSecrets(String(body[field]));
    const resent = field === 'backup_base_uri' && !analysis.dirty.has('backup_base_uri');
    rows.push({
      field,
      from: oldValue(t, baseline[field]),
      to: resent ? `${to} (${t.resentBecause(analysis.uriRequiredBy.join(', '))})` : to,
    });
  }
  return (
    <Table withTableBorder fz="sm" aria-label={t.changesTitle}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field}>
            <Table.Th scope="row" w="40%">
              {label(t, row.field)}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>
              <Text span size="sm" c="dimmed">
                {row.from}
              </Text>
              {' → '}
              <Text span size="sm" fw={600}>
                {row.to}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CopyBlock({ t, title, text }: { t: Messages; title: string; text: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Title order={3} size="h6">
          {title}
        </Title>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              size="compact-xs"
              variant="light"
              onClick={copy}
              aria-label={`${t.copy}: ${title}`}
            >
              {copied ? t.copied : t.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block>{text}</Code>
    </Stack>
  );
}

/** Old → new in words, the exact (masked) body, the SDK twin, side effects, then one confirm. */
export function ReviewModal(props: ReviewProps) {
  const t = useMessages(backupConfigMessages);
  const { body } = props;
  const [typed, setTyped] = useState('');
  // The configured target name; kept beside the real cluster name when the two differ.
  const target = useObshell().label;
  const archivingOff = switchesArchivingOff(body);
  const nameOk = !archivingOff || typed === props.clusterName;
  const canApply = nameOk && !props.pending;
  const warnings: string[] = [];
  if (archivingOff) warnings.push(t.warnArchiveOff(props.tenantNames.join(', ')));
  if (body.backup_base_uri !== undefined) warnings.push(t.warnDataBackup);
  if (body.delete_policy !== undefined) warnings.push(t.warnDeletePolicy);
  for (const id of props.runningDagIds) warnings.push(t.warnRunningDag(id));

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
            <ChangeRows t={t} props={props} />
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
          <CopyBlock t={t} title={t.bodyTitle} text={maskedBodyJson(body)} />
          <CopyBlock t={t} title={t.sdkTitle} text={pythonSdkSnippet(body, props.agent)} />
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
