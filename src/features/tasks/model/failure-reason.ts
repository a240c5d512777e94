import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import { isObshellError } from '../../../lib/obshell/envelope';
import type { TaskMessages } from '../messages';

/**
 * A short, localized "why" for the reconnecting notice. Network and timeout texts come from our
 * client in English, so they are replaced; obshell's own message is already localized.
 */
export function failureReason(error: unknown, t: TaskMessages): string {
  if (!isObshellError(error)) return error instanceof Error ? maskSecrets(error.message) : '';
  if (error.kind === 'network') return t.reasonNetwork;
  if (error.kind === 'timeout') return t.reasonTimeout;
  const http = t.reasonHttp(error.status);
  // obshell echoes what it refused, a storage URI included.
  return error.message ? `${http}: ${maskSecrets(error.message)}` : http;
}
