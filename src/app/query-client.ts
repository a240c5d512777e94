import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isObshellError } from '../lib/obshell/envelope';
import { isTransient } from '../lib/obshell/is-transient';

type RefusedListener = (error: Error) => void;
const refusedListeners = new WeakMap<QueryClient, Set<RefusedListener>>();

/** A 401 from obshell itself ("locked" errors are our own: nothing was sent). */
export function isSessionRefused(error: unknown): error is Error {
  return isObshellError(error) && error.kind === 'server' && error.isUnauthorized;
}

/**
 * Calls `listener` whenever any query or mutation of `queryClient` fails because obshell refused
 * the password (after the client's own key/clock retry). The layout answers with the
 * re-authentication dialog for the cluster on screen. Returns the unsubscribe function.
 */
export function onSessionRefused(queryClient: QueryClient, listener: RefusedListener) {
  const listeners = refusedListeners.get(queryClient);
  listeners?.add(listener);
  return () => {
    listeners?.delete(listener);
  };
}

/** Retries only what can get better by itself: network trouble and 5xx, never 4xx or auth. */
export function createAppQueryClient() {
  const listeners = new Set<RefusedListener>();
  const onError = (error: unknown) => {
    if (isSessionRefused(error)) listeners.forEach((listener) => listener(error));
  };
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failureCount, error) => failureCount < 2 && isTransient(error),
      },
      mutations: { retry: false },
    },
  });
  refusedListeners.set(queryClient, listeners);
  return queryClient;
}
