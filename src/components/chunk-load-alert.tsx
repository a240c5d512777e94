import { Alert, Button, Stack, Text } from '@mantine/core';
import { defineMessages, useMessages } from '../lib/i18n/messages';

const messages = defineMessages({
  en: {
    title: 'The dashboard was updated or could not load',
    body: 'A part of this dashboard could not be downloaded: it was probably updated while this tab was open, or the network dropped. obshell is not involved. Reload the page to continue.',
    reload: 'Reload',
  },
  zh: {
    title: '控制台已更新或未能加载',
    body: '本控制台的部分代码无法下载：可能在此标签页打开期间控制台已更新，或网络中断。这与 obshell 无关。请重新加载页面后继续。',
    reload: '重新加载',
  },
});

/**
 * Shown wherever a lazy chunk of our own code failed to load (see lib/chunk-load.ts): says what
 * happened and offers the one remedy. It replaces only the failed part, so what the user typed
 * elsewhere on the page stays until they choose to reload.
 */
export function ChunkLoadAlert() {
  const t = useMessages(messages);
  return (
    <Alert color="orange" variant="light" title={t.title} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t.body}</Text>
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          {t.reload}
        </Button>
      </Stack>
    </Alert>
  );
}
