import { changeDestinations, type BackupConfigChange } from './backup-config';
import type { TenantState } from './cluster-state';
import type { Step } from './dag-step';
import { parseStorageUri } from './storage-uri';

/** Base duration of one check sub-task at timeScale 1 (plus a spread per agent). */
const CHECK_MS = 2_000;
const CHECK_SPREAD_MS = 300;

/**
 * "Check backup config" on one agent (backup_config.go CheckBackupConfigTask): the archive path,
 * then the data path, each parsed and probed per user tenant. Texts are obshell's (incl. "wirte").
 */
export function* checkSteps(
  change: BackupConfigChange,
  tenants: TenantState[],
  agentIndex: number,
): Generator<Step> {
  const ms = (CHECK_MS + (agentIndex % 3) * CHECK_SPREAD_MS) / 4;
  const uris = changeDestinations(change);
  for (const label of ['archive', 'data'] as const) {
    const base = uris[label];
    yield { lines: [`Check ${label} path for all tenants`], ms };
    if (base === '') {
      yield { lines: ['Path is empty, skip check'], ms };
      continue;
    }
    const parsed = parseStorageUri(base);
    if (!parsed.ok) {
      yield {
        lines: [],
        failure: `ERROR: [OB.Storage.URI.Invalid]: check ${label} path: get ${label} storage interface: Invalid storage URI: ${parsed.reason}`,
        ms,
      };
      return;
    }
    yield {
      lines: [
        `Storage type is '${parsed.uri.scheme}'`,
        ...tenants.map((t) => `Check '${t.name}' wirte permission`),
      ],
      ms,
    };
  }
}
