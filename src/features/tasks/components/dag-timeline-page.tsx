import { Button, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, Profiler } from 'react';
import { useParams } from 'react-router';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { isTerminalDag, type Dag, type DagNode } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { useReportDagEnd } from '../../../lib/use-report-dag-end';
import { dagQueries } from '../api/dag-queries';
import { useOutcomeSignals } from '../hooks/use-outcome-signals';
import { useStateAnnouncement } from '../hooks/use-state-announcement';
import { focusNode } from '../model/dag-progress';
import { failureReason } from '../model/failure-reason';
import { isTransient } from '../../../lib/obshell/is-transient';
import { isNotFoundError } from '../model/polling-policy';
import { taskMessages } from '../messages';
import { recordTimelineRender } from '../utils/render-timing';
import { ActingCluster } from './acting-cluster';
import { DagActions } from './dag-actions';
import { DagHeader } from './dag-header';
import { DagNodeRow, stepAnchorId } from './dag-node-row';
import { DagNotFound } from './dag-not-found';
import { NotifyToggle } from './notify-toggle';
import { PassedOutcome } from './passed-outcome';
import { TenantLockHeld } from './tenant-lock-held';
import { PollStatus } from './poll-status';
import { ProofAfterChange } from './proof-after-change';

/** `/tasks/:id`: the DAG followed live. Keyed by id so another DAG starts from a clean slate. */
export function DagTimelinePage() {
  const { id = '' } = useParams();
  return <DagTimeline key={id} id={id} />;
}

function jumpTo(index: number) {
  document.getElementById(stepAnchorId(index))?.scrollIntoView({ block: 'center' });
  document.getElementById(`${stepAnchorId(index)}-title`)?.focus({ preventScroll: true });
}

function DagTimeline({ id }: { id: string }) {
  const t = useMessages(taskMessages);
  const connection = useObshell();
  const query = useQuery(dagQueries.detail(connection, id));
  const dag = query.data;
  const announcement = useStateAnnouncement(dag, t);
  useOutcomeSignals(dag, t);
  useReportDagEnd(dag);

  if (isNotFoundError(query.error)) return <DagNotFound id={id} />;
  if (!dag) {
    if (query.isError) {
      return (
        <ObshellErrorAlert
          error={query.error}
          title={t.loadError}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      );
    }
    const reconnecting = query.failureCount > 0 && isTransient(query.failureReason);
    return (
      <Stack gap="xs" role="status">
        <Group gap="xs">
          <Loader size="sm" />
          <Text>{reconnecting ? t.reconnecting : t.loadingTask}</Text>
        </Group>
        {reconnecting ? (
          <Text size="sm" c="dimmed" data-testid="dag-reconnecting">
            {t.reconnectingDetail(query.failureCount, failureReason(query.failureReason, t))}
          </Text>
        ) : null}
      </Stack>
    );
  }

  const live = !isTerminalDag(dag);
  return (
    <Stack gap="md">
      <VisuallyHidden
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="dag-announcer"
      >
        {announcement}
      </VisuallyHidden>
      <ActingCluster />
      <Profiler id="dag-timeline" onRender={recordTimelineRender}>
        <DagHeader dag={dag} skewMs={connection.client.clockSkewMs} />
        <PollStatus query={query} live={live} />
        <DagActions dag={dag} />
        {dag.state === 'SUCCEED' && dag.operator === 'PASS' ? <PassedOutcome dag={dag} /> : null}
        <TenantLockHeld dag={dag} />
        <ProofAfterChange dag={dag} />
        {live ? <NotifyToggle /> : null}
        <DagSteps dag={dag} skewMs={connection.client.clockSkewMs} />
      </Profiler>
    </Stack>
  );
}

function DagSteps({ dag, skewMs }: { dag: Dag; skewMs: number }) {
  const t = useMessages(taskMessages);
  const nodes = dag.nodes ?? [];
  const focus = focusNode(dag);
  const jumpLabel =
    focus?.reason === 'failed'
      ? t.jumpFailed
      : focus?.reason === 'running'
        ? t.jumpCurrent
        : t.jumpNext;
  return (
    <Stack gap="sm" component="section" aria-labelledby="dag-steps-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="dag-steps-title">
          {t.steps}
        </Title>
        {focus && nodes.length > 1 ? (
          <Button variant="light" size="compact-sm" onClick={() => jumpTo(focus.index)}>
            {jumpLabel}
          </Button>
        ) : null}
      </Group>
      {nodes.length === 0 ? (
        <Text c="dimmed">{t.noSteps}</Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {chunkStarts(nodes.length).map((from) => (
            <StepChunk
              key={from}
              nodes={nodes}
              from={from}
              focusIndex={focus?.index ?? -1}
              skewMs={skewMs}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Rows per memoized block: a poll compares 200 / CHUNK blocks, then the rows of changed ones. */
const CHUNK = 25;

function chunkStarts(length: number): number[] {
  return Array.from({ length: Math.ceil(length / CHUNK) }, (_, i) => i * CHUNK);
}

interface StepChunkProps {
  nodes: DagNode[];
  from: number;
  focusIndex: number;
  skewMs: number;
}

function focusWithin({ from, focusIndex }: StepChunkProps): number {
  return focusIndex >= from && focusIndex < from + CHUNK ? focusIndex : -1;
}

/**
 * A block of consecutive steps. A poll typically moves two or three nodes on; react-query keeps the
 * others referentially equal, so a block whose nodes (and focus) are unchanged bails out at once,
 * instead of React comparing every one of 200 rows on every poll.
 */
const StepChunk = memo(
  function StepChunk({ nodes, from, focusIndex, skewMs }: StepChunkProps) {
    return (
      <>
        {nodes.slice(from, from + CHUNK).map((node, i) => (
          <DagNodeRow
            key={node.id}
            node={node}
            index={from + i}
            total={nodes.length}
            focused={focusIndex === from + i}
            skewMs={skewMs}
          />
        ))}
      </>
    );
  },
  (a, b) => {
    if (a.from !== b.from || a.skewMs !== b.skewMs || a.nodes.length !== b.nodes.length) {
      return false;
    }
    if (focusWithin(a) !== focusWithin(b)) return false;
    const end = Math.min(a.from + CHUNK, a.nodes.length);
    for (let i = a.from; i < end; i += 1) if (a.nodes[i] !== b.nodes[i]) return false;
    return true;
  },
);
