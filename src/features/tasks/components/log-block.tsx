import { Code } from '@mantine/core';

/** Log text as written by obshell; long lines wrap so their end (usually the error) stays visible. */
export function LogBlock({ text }: { text: string }) {
  return (
    <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Code>
  );
}
