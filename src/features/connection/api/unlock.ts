import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials } from '../../../lib/obshell/client';
import { clusterInfoKey, fetchClusterInfo } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';

/**
 * Checks a password with an authenticated read (`GET /api/v1/obcluster/info`) and keeps it only
 * if obshell accepted it. The answer fills the header's cluster summary without a second call.
 */
export function useUnlock({ onUnlocked }: { onUnlocked?: () => void } = {}) {
  const connection = useObshell();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => fetchClusterInfo(connection, { credentials }),
    onSuccess: (info, credentials) => {
      queryClient.setQueryData(clusterInfoKey(connection.clusterKey), info);
      connection.credentials.set(credentials);
      onUnlocked?.();
    },
  });
}
