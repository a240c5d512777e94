import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { routes } from '../../../config/routes';
import { useMessages } from '../../../lib/i18n/messages';
import { taskMessages } from '../messages';
import { ActingCluster } from './acting-cluster';

export function DagNotFound({ id }: { id: string }) {
  const t = useMessages(taskMessages);
  return (
    <Stack gap="sm" maw={640}>
      <Title order={2}>{t.notFoundTitle}</Title>
      <ActingCluster />
      <Text>{t.notFoundBody(id)}</Text>
      <Anchor component={Link} to={routes.tasks}>
        {t.backToTasks}
      </Anchor>
    </Stack>
  );
}
