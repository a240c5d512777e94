import { documentLocale } from '../i18n/locale';
import { createObshellClient, type Locale } from './client';
import { createCredentialStore, type CredentialStore } from './credentials';
import type { ObshellConnection } from './obshell-context';
import { READ_BATCH_PATH } from './read-batch-limits';

export interface ConnectionTarget {
  clusterKey: string;
  label: string;
  /** Prefix before obshell's own path ("" in dev, "<base>clusters/<id>" behind the server). */
  apiBase: string;
  /** The client's request timeout (see clientTimeoutFor); the client's default when absent. */
  timeoutMs?: number | undefined;
}

/**
 * A cluster's connection: its own in-memory password store and a client wired to it, so requests
 * made while re-authenticating wait for the new password instead of failing.
 */
export function createObshellConnection(
  target: ConnectionTarget,
  options: { getLocale?: () => Locale; credentials?: CredentialStore } = {},
): ObshellConnection {
  const credentials = options.credentials ?? createCredentialStore();
  return {
    clusterKey: target.clusterKey,
    label: target.label,
    credentials,
    client: createObshellClient({
      apiBase: target.apiBase,
      readBatchUrl: `${target.apiBase}${READ_BATCH_PATH}`,
      getCredentials: credentials.get,
      waitForCredentials: credentials.waitForCredentials,
      getLocale: options.getLocale ?? documentLocale,
      ...(target.timeoutMs ? { timeoutMs: target.timeoutMs } : {}),
    }),
  };
}
