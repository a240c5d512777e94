import { createContext, Fragment, useContext, useMemo, useState, type ReactNode } from 'react';
import type { RuntimeCluster } from '../../lib/runtime-config';
import {
  ObshellConnectionsProvider,
  ObshellProvider,
  type ObshellConnection,
} from '../../lib/obshell/obshell-context';

export interface ClusterEntry {
  cluster: RuntimeCluster;
  connection: ObshellConnection;
}

interface ClustersContextValue {
  entries: readonly ClusterEntry[];
  current: ClusterEntry;
  select: (id: string) => void;
}

const ClustersContext = createContext<ClustersContextValue | null>(null);

/**
 * One ObshellConnection per configured cluster, made once: each keeps its own password store,
 * client (and cached agent key) and query-key namespace for the life of the tab. Switching swaps
 * which one the app sees, and remounts the pages so nothing typed for one cluster is sent to another.
 */
export function ClustersProvider({
  clusters,
  createConnection,
  children,
}: {
  clusters: readonly RuntimeCluster[];
  createConnection: (cluster: RuntimeCluster) => ObshellConnection;
  children: ReactNode;
}) {
  const [entries] = useState<ClusterEntry[]>(() =>
    clusters.map((cluster) => ({ cluster, connection: createConnection(cluster) })),
  );
  const [currentId, setCurrentId] = useState(() => entries[0]?.cluster.id);
  const current = entries.find((entry) => entry.cluster.id === currentId) ?? entries[0];
  if (!current) throw new Error('ClustersProvider needs at least one cluster');
  const connections = useMemo(() => entries.map((entry) => entry.connection), [entries]);
  const value = useMemo<ClustersContextValue>(
    () => ({
      entries,
      current,
      select: (id) => {
        if (entries.some((entry) => entry.cluster.id === id)) setCurrentId(id);
      },
    }),
    [entries, current],
  );
  return (
    <ClustersContext.Provider value={value}>
      {/* Every connection, for work that concerns all unlocked clusters (History's reconcile). */}
      <ObshellConnectionsProvider value={connections}>
        <ObshellProvider value={current.connection}>
          <Fragment key={current.cluster.id}>{children}</Fragment>
        </ObshellProvider>
      </ObshellConnectionsProvider>
    </ClustersContext.Provider>
  );
}

export function useClusters(): ClustersContextValue {
  const value = useContext(ClustersContext);
  if (!value) throw new Error('useClusters must be used inside <ClustersProvider>');
  return value;
}
