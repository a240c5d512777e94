import { createObshellClient } from '../../src/lib/obshell/client';
import { dagSchema, type Dag } from '../../src/lib/obshell/dag';
import { ROOT_PASSWORD } from '../fixtures';

/**
 * The app's own obshell client (hybrid encryption, signing) run from Node against the simulator,
 * so e2e specs can start real DAGs the way the config form would, without driving the form.
 */
export function obshellNodeClient(simUrl: string, rootPassword = ROOT_PASSWORD) {
  return createObshellClient({
    apiBase: simUrl,
    getCredentials: () => ({ rootPassword }),
    getLocale: () => 'en',
  });
}

/** `PATCH /api/v1/obcluster/backup/config` → the "Set obcluster backup config" DAG it started. */
export function startBackupConfigDag(
  simUrl: string,
  body: Record<string, unknown> = { log_archive_concurrency: 4 },
): Promise<Dag> {
  return obshellNodeClient(simUrl).request({
    method: 'PATCH',
    path: '/api/v1/obcluster/backup/config',
    body,
    schema: dagSchema,
  });
}

/** Reads a DAG as obshell reports it (for assertions that do not go through the page). */
export function readDag(simUrl: string, id: string): Promise<Dag> {
  return obshellNodeClient(simUrl).request({
    method: 'GET',
    path: `/api/v1/task/dag/${encodeURIComponent(id)}`,
    schema: dagSchema,
  });
}
