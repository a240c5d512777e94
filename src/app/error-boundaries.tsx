import { Center, Paper, Stack, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useMessages } from '../lib/i18n/messages';
import { appMessages } from './messages';
import { FailureAlert } from './shell/failure-alert';

/** What the router caught, as something the alert can explain (a 404 response is not an Error). */
function useCaughtError(): unknown {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) return new Error(`${error.status} ${error.statusText}`.trim());
  return error;
}

/** One page failed: it is replaced by the explanation; the shell and its navigation stay. */
export function RouteErrorBoundary() {
  return <FailureAlert error={useCaughtError()} />;
}

/** The shell itself failed: a plain page with the explanation, never a blank one. */
export function RootErrorBoundary() {
  const t = useMessages(appMessages);
  const error = useCaughtError();
  return (
    <Center p="md" mih="100vh">
      <Paper withBorder p="lg" w="100%" maw={560} component="main">
        <Stack gap="md">
          <Title order={1} size="h3">
            {t.title}
          </Title>
          <FailureAlert error={error} />
        </Stack>
      </Paper>
    </Center>
  );
}
