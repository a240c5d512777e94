import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
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
