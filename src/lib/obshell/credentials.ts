import type { Credentials } from './client';

/**
 * Passwords live here, in memory only: never in storage, URLs, logs or error reports. Reloading the
 * page forgets them, which is the point. One store per cluster.
 */
export function createCredentialStore() {
  let current: Credentials | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    get: (): Credentials | null => current,
    set: (next: Credentials) => {
      current = { ...next };
      notify();
    },
    /** The "lock" action. */
    clear: () => {
      current = null;
      notify();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type CredentialStore = ReturnType<typeof createCredentialStore>;
