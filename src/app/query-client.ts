import { QueryClient } from '@tanstack/react-query';
import { isObshellError } from '../lib/obshell/envelope';

/** Retries only what can get better by itself: network trouble and 5xx, never 4xx or auth. */
export function createAppQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failureCount, error) =>
          failureCount < 2 &&
          isObshellError(error) &&
          (error.kind === 'network' || error.kind === 'timeout' || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}
