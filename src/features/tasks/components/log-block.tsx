import { Code } from '@mantine/core';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';

/**
 * Log text as written by obshell; long lines wrap so their end (usually the error) stays visible.
 * obshell quotes the storage URI it checks, `access_key=` included, so secrets are masked here,
 * the one place every log line passes through.
 */
export function LogBlock({ text }: { text: string }) {
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {maskSecrets(text)}
    </Code>
  );
}
