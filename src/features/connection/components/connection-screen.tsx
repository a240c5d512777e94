import { Center, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { agentQueries } from '../../../lib/obshell/agent-info';
import { connectionMessages } from '../messages';
import { AgentSummary } from './agent-summary';
import { UnlockForm } from './unlock-form';

/** The first screen, standing in for every page while no password is held. */
export function ConnectionScreen() {
  const t = useMessages(connectionMessages);
  const connection = useObshell();
  const agent = useQuery(agentQueries.info(connection));
  return (
    <Center py="xl">
      <Paper
        withBorder
        shadow="sm"
        p="lg"
        w="100%"
        maw={480}
        component="section"
        aria-labelledby="connection-title"
      >
        <Stack gap="md">
          <div>
            <Title order={2} id="connection-title">
              {t.title}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t.intro}
            </Text>
          </div>
          <AgentSummary query={agent} />
          <Divider />
          <UnlockForm />
        </Stack>
      </Paper>
    </Center>
  );
}
