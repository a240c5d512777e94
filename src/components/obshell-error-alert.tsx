import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { maskSecrets } from '../lib/backup-rules/mask-secrets';
import { defineMessages, useMessages } from '../lib/i18n/messages';
import { isObshellError } from '../lib/obshell/envelope';
import { isChunkLoadError } from '../lib/chunk-load';
import { ChunkLoadAlert } from './chunk-load-alert';

const messages = defineMessages({
  en: {
    server: (status: number) => `obshell refused the request (HTTP ${status})`,
    network: 'Cannot reach obshell',
    networkHelp: 'Check that the agent is running and reachable from the dashboard, then retry.',
    timeout: 'obshell did not answer in time',
    timeoutHelp: 'The agent may be overloaded or the network slow. Retry in a moment.',
    badResponse: 'obshell sent an answer this dashboard cannot read',
    locked: 'Locked: enter the password first',
    unknown: 'Something went wrong',
    trace: 'Trace ID',
    code: 'Error code',
    retry: 'Try again',
  },
  zh: {
    server: (status: number) => `obshell 拒绝了该请求（HTTP ${status}）`,
    network: '无法连接 obshell',
    networkHelp: '请确认 agent 正在运行且控制台可以访问它，然后重试。',
    timeout: 'obshell 未及时响应',
    timeoutHelp: 'agent 可能负载过高或网络较慢，请稍后重试。',
    badResponse: 'obshell 返回了本控制台无法解析的应答',
    locked: '已锁定：请先输入密码',
    unknown: '出现错误',
    trace: '追踪 ID',
    code: '错误码',
    retry: '重试',
  },
});

export interface ObshellErrorAlertProps {
  error: unknown;
  /** Replaces the generic title, e.g. "Cannot read agent information". */
  title?: string;
  /** Extra content under the message. */
  children?: ReactNode;
  /** Offers "Try again" (e.g. a query's refetch); omitted when trying again cannot help. */
  onRetry?: () => void;
  /** A retry is under way: the button shows a loader and ignores clicks. */
  retrying?: boolean;
}

/**
 * Explains a failed obshell call: a localized title by kind, obshell's own message (already in
 * the UI language, via Accept-Language) as plain text, and the codes a DBA needs for a report.
 */
export function ObshellErrorAlert({
  error,
  title,
  children,
  onRetry,
  retrying = false,
}: ObshellErrorAlertProps) {
  const t = useMessages(messages);
  // Our own code failed to load: not obshell's doing, and only a reload helps.
  if (isChunkLoadError(error)) return <ChunkLoadAlert />;
  let heading = t.unknown;
  let detail: string | undefined;
  let help: string | undefined;
  if (isObshellError(error)) {
    detail = error.message;
    if (error.kind === 'network') [heading, help] = [t.network, t.networkHelp];
    else if (error.kind === 'timeout') [heading, help] = [t.timeout, t.timeoutHelp];
    else if (error.kind === 'bad-response') heading = t.badResponse;
    else if (error.kind === 'locked') heading = t.locked;
    else heading = t.server(error.status);
    // Network/timeout texts are the browser's (English); the localized help says it better. The
    // production server's own (Proxy.*) name the cluster and its address: worth keeping.
    if (help && !error.errCode?.startsWith('Proxy.')) detail = undefined;
  } else if (error instanceof Error) {
    detail = error.message;
  }
  const code = isObshellError(error) ? (error.errCode ?? error.code?.toString()) : undefined;
  const traceId = isObshellError(error) ? error.traceId : undefined;
  return (
    <Alert color="red" variant="light" title={title ?? heading} role="alert">
      <Stack gap={6}>
        {title && <Text size="sm">{heading}</Text>}
        {/* obshell echoes what it refused ("Invalid storage URI ..."), access_key included. */}
        {detail && <Text size="sm">{maskSecrets(detail)}</Text>}
        {help && <Text size="sm">{help}</Text>}
        {(code || traceId) && (
          <Text size="xs" c="dimmed">
            {code && (
              <>
                {t.code}: <Code>{code}</Code>{' '}
              </>
            )}
            {traceId && (
              <>
                {t.trace}: <Code>{traceId}</Code>
              </>
            )}
          </Text>
        )}
        {children}
        {onRetry && (
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              loading={retrying}
              onClick={() => {
                if (!retrying) onRetry();
              }}
            >
              {t.retry}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
