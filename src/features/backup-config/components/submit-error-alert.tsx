import { Alert, Text } from '@mantine/core';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import { useMessages } from '../../../lib/i18n/messages';
import { isObshellError } from '../../../lib/obshell/envelope';
import { backupConfigMessages } from '../messages';

/** A rejection that is not about one field: what obshell said, its trace id, and that nothing is lost. */
export function SubmitErrorAlert({ error }: { error: unknown }) {
  const t = useMessages(backupConfigMessages);
  const obshell = isObshellError(error) ? error : undefined;
  // obshell may quote the refused storage URI, access_key included.
  const message = maskSecrets(error instanceof Error ? error.message : String(error));
  let kept = t.serverKept;
  if (obshell?.kind === 'network' || obshell?.kind === 'timeout') kept = t.networkKept;
  else if (obshell?.isUnauthorized) kept = t.authKept;
  return (
    <Alert color="red" title={t.submitFailedTitle} role="alert">
      <Text size="sm">{message}</Text>
      {obshell?.traceId && (
        <Text size="xs" c="dimmed">
          {t.traceId(obshell.traceId)}
        </Text>
      )}
      <Text size="sm" mt={4}>
        {kept}
      </Text>
    </Alert>
  );
}
