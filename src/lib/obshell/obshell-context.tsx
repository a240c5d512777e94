import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { ObshellClient } from './client';
import type { CredentialStore, SessionPhase } from './credentials';

/** The cluster the user is acting on, with its client and its in-memory credentials. */
export interface ObshellConnection {
  /** Stable id, part of every query key so two clusters never share cache entries. */
  clusterKey: string;
  /** Human name of the target as configured (the real cluster name comes from obcluster/info). */
  label: string;
  client: ObshellClient;
  credentials: CredentialStore;
}

const ObshellContext = createContext<ObshellConnection | null>(null);

export function ObshellProvider({
  value,
  children,
}: {
  value: ObshellConnection;
  children: ReactNode;
}) {
  return <ObshellContext.Provider value={value}>{children}</ObshellContext.Provider>;
}

export function useObshell(): ObshellConnection {
  const value = useContext(ObshellContext);
  if (!value) throw new Error('useObshell must be used inside <ObshellProvider>');
  return value;
}

const ConnectionsContext = createContext<readonly ObshellConnection[] | null>(null);

/** Every configured cluster's connection, the current one among them (the cluster switch's list). */
export function ObshellConnectionsProvider({
  value,
  children,
}: {
  value: readonly ObshellConnection[];
  children: ReactNode;
}) {
  return <ConnectionsContext.Provider value={value}>{children}</ConnectionsContext.Provider>;
}

/**
 * The connections whose session is unlocked now (a verified password in memory), re-rendering as
 * any of them locks or unlocks. Without a list (one cluster, tests): the current one, if unlocked.
 */
export function useUnlockedConnections(): readonly ObshellConnection[] {
  const current = useObshell();
  const listed = useContext(ConnectionsContext);
  const all = useMemo(() => listed ?? [current], [listed, current]);
  const subscribe = (listener: () => void) => {
    const stops = all.map((c) => c.credentials.subscribe(listener));
    return () => stops.forEach((stop) => stop());
  };
  // A string snapshot: stable while nothing changes, whatever the number of clusters.
  const unlockedKeys = useSyncExternalStore(subscribe, () =>
    all
      .filter((c) => c.credentials.phase() === 'unlocked')
      .map((c) => c.clusterKey)
      .join('\u0000'),
  );
  return useMemo(() => {
    const keys = new Set(unlockedKeys.split('\u0000'));
    return all.filter((c) => keys.has(c.clusterKey));
  }, [all, unlockedKeys]);
}

/** locked / unlocked / reauth (see SessionPhase) for the current cluster. */
export function useSessionPhase(): SessionPhase {
  const { credentials } = useObshell();
  return useSyncExternalStore(credentials.subscribe, credentials.phase);
}

/**
 * True once the user unlocked, including while a re-authentication dialog is open: pages stay
 * mounted then, so their state (a half-filled form) survives.
 */
export function useIsUnlocked(): boolean {
  return useSessionPhase() !== 'locked';
}
