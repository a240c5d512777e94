import { useQueryClient } from '@tanstack/react-query';
import { useObshell } from '../../../lib/obshell/obshell-context';

/** The "Lock" action: forget the password, and the cluster data read with it. */
export function useLock() {
  const { credentials } = useObshell();
  const queryClient = useQueryClient();
  return () => {
    credentials.clear();
    // The next person at this screen sees nothing of the cluster until they unlock again.
    queryClient.clear();
  };
}
