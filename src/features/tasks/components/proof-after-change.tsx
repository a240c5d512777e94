import { Stack, Text } from '@mantine/core';
import { BACKUP_CONFIG_DAG_NAME, type Dag } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import {
  sentChangeFor,
  switchesArchivingOff,
  type SentChange,
} from '../../../lib/sent-changes/sent-changes';
import { passEffectAfter } from '../model/dag-actions';
import { proofMessages } from '../proof-messages';
import { AppliedVerification } from './applied-verification';
import { LogArchiveFollowUp } from './log-archive-follow-up';

/**
 * Proof after a change (issue 13): once "Set obcluster backup config" ended, compare each tenant
 * with what was sent (RUN only: a pass applied nothing or part) and follow log archiving back on.
 */
export function ProofAfterChange({ dag }: { dag: Dag }) {
  const t = useMessages(proofMessages);
  const { clusterKey } = useObshell();
  if (dag.name !== BACKUP_CONFIG_DAG_NAME || dag.state !== 'SUCCEED') return null;
  const sent = sentChangeFor(clusterKey, dag.id);
  const verify = dag.operator === 'RUN';
  const archive = mayHaveStoppedArchiving(dag, sent);
  if (!verify && !archive) return null;
  return (
    <Stack gap="md">
      {verify && sent ? <AppliedVerification sent={sent} /> : null}
      {verify && !sent ? (
        <Text size="sm" data-testid="verify-nothing">
          {t.verifyNothing}
        </Text>
      ) : null}
      {archive ? <LogArchiveFollowUp /> : null}
    </Stack>
  );
}

/**
 * "Set backup config" switched archiving off (contract §4) when it ran with a destination or
 * log_archive_concurrency: known from what was sent; unknown (reload, started elsewhere) = maybe.
 * Not after a rollback or a passed check (it never ran).
 */
function mayHaveStoppedArchiving(dag: Dag, sent: SentChange | undefined): boolean {
  if (dag.operator === 'ROLLBACK') return false;
  if (dag.operator === 'PASS' && passEffectAfter(dag)?.kind !== 'partial') return false;
  return sent ? switchesArchivingOff(sent) : true;
}
