import { Alert } from '@mantine/core';
import type { Dag } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { passEffectAfter } from '../model/dag-actions';
import { taskMessages } from '../messages';

/**
 * A DAG that ended SUCCEED + PASS did not apply what its passed steps should have done: say what
 * that means for this DAG, never as a plain success.
 */
export function PassedOutcome({ dag }: { dag: Dag }) {
  const t = useMessages(taskMessages);
  const effect = passEffectAfter(dag) ?? { kind: 'generic' as const, step: '' };
  return (
    <Alert
      color="orange"
      variant="light"
      title={t.passedTitle}
      icon={<span aria-hidden="true">»</span>}
      data-testid="passed-outcome"
    >
      {t.passedOutcome(effect)}
    </Alert>
  );
}
