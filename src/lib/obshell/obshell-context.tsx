import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ObshellClient } from './client';
import type { CredentialStore } from './credentials';

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

/** True while a password is held in memory for the current cluster. */
export function useIsUnlocked(): boolean {
  const { credentials } = useObshell();
  return useSyncExternalStore(credentials.subscribe, () => credentials.get() !== null);
}
