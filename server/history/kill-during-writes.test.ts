import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openHistoryStore } from './history-store.ts';
import { tempDir } from './testing/temp-dir.ts';

const writer = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'testing',
  'burst-writer.ts',
);
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** Runs the writer until it has acknowledged `count` entries, then SIGKILLs it mid-burst. */
function writeThenKill(file: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? ''; // a half-printed line was not acknowledged
      for (const line of lines) {
        const id = /^acked (\d+)$/.exec(line)?.[1];
        if (id) acked.push(Number(id));
      }
      if (acked.length >= count && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited early (${String(code)}): ${stderr}`));
    });
  });
}

it('loses no acknowledged entry when the writing process is killed with SIGKILL', async () => {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const file = path.join(temp.dir, 'history.db');
  const acked = await writeThenKill(file, 300);
  expect(acked.length).toBeGreaterThanOrEqual(300);

  const store = openHistoryStore(file, { retentionDays: 365 });
  cleanups.push(() => store.close());
  const missing = acked.filter((id) => store.get(id) === undefined);
  expect(missing).toEqual([]);
  // The writer was killed mid-burst: possibly one more committed than it could print, never fewer.
  expect(store.list({}, 1, 1).total).toBeGreaterThanOrEqual(acked.length);
  const check = new Database(file, { readonly: true });
  cleanups.push(() => check.close());
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
});
