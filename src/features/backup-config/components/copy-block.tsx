import { Button, Code, CopyButton, Group, Stack, Title } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import { backupConfigMessages } from '../messages';

/** A titled code block with a copy button. */
export function CopyBlock({ title, text }: { title: string; text: string }) {
  const t = useMessages(backupConfigMessages);
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
