import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewEntryBody } from '../entry-schema.ts';

/** A fresh directory per test; `cleanup` removes it (tests register it with afterEach). */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'obdash-history-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sampleEntry = (
  dagId: string,
  overrides: Partial<NewEntryBody> = {},
): NewEntryBody => ({
  clusterId: 'prod',
  scope: 'cluster',
  dagId,
  changes: [
    { field: 'log_archive_concurrency', old: 2, new: 4 },
    { field: 'backup_base_uri', old: 'file:///data/old', new: 'file:///data/new' },
  ],
  ...overrides,
});
