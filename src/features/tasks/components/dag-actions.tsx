import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { memo, useRef, useState } from 'react';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import type { Dag } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { useOperateDag } from '../api/operate-dag';
import { allowedActions, passEffectBefore, type DagAction } from '../model/dag-actions';
import { taskMessages } from '../messages';

function failedName(dag: Dag): string | undefined {
  return dag.nodes?.find((node) => node.state === 'FAILED')?.name;
}

const actionColor: Record<DagAction, string> = {
  RETRY: 'blue',
  ROLLBACK: 'orange',
  PASS: 'yellow',
  CANCEL: 'red',
};

/**
 * The decisions obshell allows in the DAG's current state, each behind a confirmation that says
 * what it will do. One confirm sends exactly one request; a refusal is shown as obshell's message.
 */
export const DagActions = memo(
  function DagActions({ dag }: { dag: Dag }) {
    const t = useMessages(taskMessages);
    const operate = useOperateDag(dag.id);
    const [pending, setPending] = useState<DagAction | null>(null);
    const [sent, setSent] = useState<DagAction | null>(null);
    // A second click can land before React re-renders the disabled button; this guard cannot.
    const inFlight = useRef(false);
    const actions = allowedActions(dag);

    const close = () => {
      if (inFlight.current) return;
      setPending(null);
      operate.reset();
    };

    const confirm = () => {
      if (!pending || inFlight.current) return;
      inFlight.current = true;
      const action = pending;
      operate.mutate(action, {
        onSuccess: () => {
          setSent(action);
          setPending(null);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      });
    };

    if (actions.length === 0 && !sent) return null;
    return (
      <Stack gap="xs">
        {actions.length > 0 ? (
          <Group gap="sm" role="group" aria-label={t.actions}>
            {dag.state === 'FAILED' ? (
              <Text size="sm" fw={600}>
                {dag.operator === 'CANCEL' ? t.actionsHintCancelled : t.actionsHintFailed}
              </Text>
            ) : null}
            {actions.map((action) => (
              <Button
                key={action}
                variant={action === 'RETRY' ? 'filled' : 'light'}
                color={actionColor[action]}
                onClick={() => {
                  operate.reset();
                  setSent(null);
                  setPending(action);
                }}
              >
                {t.action(action)}
              </Button>
            ))}
          </Group>
        ) : null}
        {sent ? (
          <Text size="sm" role="status">
            {t.actionSent(t.action(sent))}
          </Text>
        ) : null}
        <Modal
          opened={pending !== null}
          onClose={close}
          title={pending ? t.confirmTitle(t.action(pending)) : ''}
          // Named (axe), and not like the "Go back" button so each has its own name.
          closeButtonProps={{ 'aria-label': t.closeDialog }}
          centered
        >
          {pending ? (
            <Stack>
              <Text>{t.actionEffect(pending)}</Text>
              {pending === 'PASS' ? (
                // What PASS means for this DAG, before the user confirms (contract §5).
                <Text fw={600} data-testid="pass-effect">
                  {t.passEffect(passEffectBefore(dag))}
                </Text>
              ) : null}
              <Text size="sm" c="dimmed">
                {t.confirmTask(maskSecrets(dag.name), dag.id)}
              </Text>
              {operate.isError ? (
                <ObshellErrorAlert error={operate.error} title={t.refused} />
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={close} disabled={operate.isPending}>
                  {t.keep}
                </Button>
                <Button color={actionColor[pending]} onClick={confirm} loading={operate.isPending}>
                  {t.confirm(t.action(pending))}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Modal>
      </Stack>
    );
  },
  // A poll brings a new DAG object every second; the buttons and the (closed) dialog depend only on
  // these fields and on which step failed, so they are not re-rendered for progress elsewhere.
  (a, b) =>
    a.dag.id === b.dag.id &&
    a.dag.name === b.dag.name &&
    a.dag.state === b.dag.state &&
    a.dag.operator === b.dag.operator &&
    failedName(a.dag) === failedName(b.dag),
);
