import { Button, List, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantQueries } from '../../../lib/obshell/tenant-queries';
import {
  allSettled,
  archivePollMs,
  explainArchive,
  type ArchiveKind,
} from '../model/archive-state';
import { proofMessages } from '../proof-messages';
import { taskMessages } from '../messages';

interface Props {
  tenants: string[];
  /** The archive switch was answered: follow the tenants until DOING. */
  switched: boolean;
  /** The tenant obshell named as INTERRUPTED (its switch stopped there). */
  interrupted: string | undefined;
}

/**
 * Per user tenant, its log archiving as obshell reports it now (`backup/log/tasks`, and
 * `backup/info` to tell "switched off" from "never archived"), polled while something moves.
 */
export function ArchiveTenantReport({ tenants, switched, interrupted }: Props) {
  const t = useMessages(proofMessages);
  const tt = useMessages(taskMessages);
  const connection = useObshell();
  const infos = useQueries({
    queries: tenants.map((tenant) => tenantQueries.backupInfo(connection, tenant)),
  });
  const hasCheckpoint = (i: number): boolean | undefined => {
    const data = infos[i]?.data;
    return data ? Boolean(data.lastest_archive_log_checkpoint) : undefined;
  };
  const rounds = useQueries({
    queries: tenants.map((tenant, i) => ({
      ...tenantQueries.archiveLogTasks(connection, tenant),
      // A function of the latest answer (never setInterval): quick while the tenant's archive
      // moves, slow before the switch, none once it is DOING or waiting cannot help.
      refetchInterval: (query: { state: { data?: { status: string }[] | undefined } }) =>
        archivePollMs(
          explainArchive({
            rounds: query.state.data?.map((round) => round.status),
            hasCheckpoint: hasCheckpoint(i),
            interrupted: tenant === interrupted,
          }),
          switched && (interrupted === undefined || tenant === interrupted),
        ),
    })),
  });
  const kinds: ArchiveKind[] = tenants.map((tenant, i) =>
    explainArchive({
      rounds: rounds[i]?.data?.map((round) => round.status),
      hasCheckpoint: hasCheckpoint(i),
      interrupted: tenant === interrupted,
    }),
  );
  if (tenants.length === 0) return <Text size="sm">{tt.archiveNoTenants}</Text>;
  const starting = kinds.filter(
    (kind) => kind !== 'doing' && kind !== 'never' && kind !== 'interrupted',
  );
  const summary =
    !switched || interrupted !== undefined
      ? null
      : allSettled(kinds, true)
        ? t.archiveAllDoing
        : t.archiveFollowing(starting.length);
  return (
    <div>
      <Text size="sm" fw={600} id="archive-report-title">
        {t.archiveLiveTitle}
      </Text>
      <List
        size="sm"
        spacing={4}
        aria-labelledby="archive-report-title"
        data-testid="archive-report"
      >
        {tenants.map((tenant, i) => {
          const failed = rounds[i]?.error ?? infos[i]?.error;
          const text = failed
            ? tt.archiveTenantUnread(failed.message)
            : t.kind(kinds[i] ?? 'unknown');
          return (
            <List.Item key={tenant} data-kind={failed ? 'unread' : kinds[i]}>
              {`${tenant}: ${text}`}
            </List.Item>
          );
        })}
      </List>
      {summary ? (
        <Text size="sm" fw={600} mt="xs" role="status" data-testid="archive-summary">
          {summary}
        </Text>
      ) : null}
      <Button
        mt="xs"
        size="compact-sm"
        variant="light"
        color="orange"
        onClick={() => {
          rounds.forEach((query) => void query.refetch());
          infos.forEach((query) => void query.refetch());
        }}
      >
        {tt.archiveReadAgain}
      </Button>
    </div>
  );
}
