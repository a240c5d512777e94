import type { Credentials } from './client';

/**
 * - `locked`: no password; the connection screen stands in for every page.
 * - `unlocked`: a verified password is held in memory.
 * - `reauth`: obshell refused the held password later (changed on the agent); it is forgotten and
 *   a dialog asks again over the current page, which stays mounted so nothing typed is lost.
 */
export type SessionPhase = 'locked' | 'unlocked' | 'reauth';

/**
 * Passwords live here, in memory only: never in storage, URLs, logs or error reports. Reloading the
 * page forgets them, which is the point. One store per cluster.
 */
export function createCredentialStore() {
  let current: Credentials | null = null;
  let phase: SessionPhase = 'locked';
  const listeners = new Set<() => void>();
  /** Requests started while the re-authentication dialog is open, waiting for its outcome. */
  const waiting = new Set<(credentials: Credentials | null) => void>();
  const notify = () => {
    for (const settle of [...waiting]) settle(current);
    waiting.clear();
    listeners.forEach((listener) => listener());
  };
  return {
    /** The password to sign with, or null while locked or waiting for re-authentication. */
    get: (): Credentials | null => current,
    phase: (): SessionPhase => phase,
    /** Keeps a password that obshell has just accepted. */
    set: (next: Credentials) => {
      current = { ...next };
      phase = 'unlocked';
      notify();
    },
    /** The "lock" action. */
    clear: () => {
      current = null;
      phase = 'locked';
      notify();
    },
    /**
     * obshell refused the held password: forget it and ask again without leaving the page.
     * `signedWith` (when known) is what the refused request carried; a late refusal of an older
     * password, or of a candidate being checked, does not concern the one held now.
     */
    expire: (signedWith?: Credentials) => {
      if (phase !== 'unlocked') return;
      if (signedWith && signedWith !== current) return;
      current = null;
      phase = 'reauth';
      notify();
    },
    /**
     * The password to sign with; while the re-authentication dialog is open, waits for it (null
     * if the user locks instead). Polling pages then simply pause instead of flashing errors, and
     * carry on by themselves after the new password is accepted.
     */
    waitForCredentials: (signal?: AbortSignal): Promise<Credentials | null> => {
      if (current || phase !== 'reauth') return Promise.resolve(current);
      return new Promise((resolve, reject) => {
        const settle = (credentials: Credentials | null) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(credentials);
        };
        const onAbort = () => {
          waiting.delete(settle);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.add(settle);
      });
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
