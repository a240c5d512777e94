import { Button } from '@mantine/core';
import { ObshellErrorAlert } from '../../components/obshell-error-alert';
import { useMessages } from '../../lib/i18n/messages';
import { appMessages } from '../messages';

/**
 * Explains a failure and offers Reload. A chunk that could not load reads as "the dashboard was
 * updated or could not load" (the alert knows it); anything else shows its text, masked like every
 * obshell message.
 */
export function FailureAlert({ error }: { error: unknown }) {
  const t = useMessages(appMessages);
  return (
    <ObshellErrorAlert error={error} title={t.pageFailed}>
      <Button
        size="xs"
        variant="default"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => window.location.reload()}
      >
        {t.reload}
      </Button>
    </ObshellErrorAlert>
  );
}
