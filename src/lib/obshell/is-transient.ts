import { isObshellError } from './envelope';

/**
 * Worth trying again: the network, a timeout, 5xx — things that get better by themselves. A 4xx
 * (Task.NotFound, bad input, auth) will not, so callers surface it at once.
 */
export function isTransient(error: unknown): boolean {
  return (
    isObshellError(error) &&
    (error.kind === 'network' || error.kind === 'timeout' || error.status >= 500)
  );
}
