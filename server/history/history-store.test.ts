import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistoryStore } from './history-store.ts';
import { LATEST_VERSION, migrate } from './migrations.ts';
import { sampleEntry, tempDir } from './testing/temp-dir.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function dbFile(name = 'history.db') {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  return path.join(temp.dir, 'nested', 'dir', name);
}
function open(file: string, now?: () => number) {
  const store = openHistoryStore(file, { retentionDays: 30, ...(now ? { now } : {}) });
  cleanups.push(() => store.close());
  return store;
}

describe('migrations', () => {
  it('creates the schema (and the missing directories) from nothing, WAL on', () => {
    const file = dbFile();
    const store = open(file);
    expect(store.schemaVersion()).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBe(2);
    const raw = new Database(file, { readonly: true });
    cleanups.push(() => raw.close());
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['entries', 'entry_fields', 'schema_version']));
  });

  it('migrates a v1 database, keeping its rows and back-filling the field index', () => {
    const file = dbFile();
    const v1 = openV1(file);
    v1.prepare(
      `INSERT INTO entries (time_ms, cluster_id, scope, user, changes, dag_id, outcome, source)
       VALUES (?, 'prod', 'cluster', 'alice', ?, '11', 'succeeded', 'dashboard')`,
    ).run(Date.now(), JSON.stringify([{ field: 'binding', old: 'OPTIONAL', new: 'MANDATORY' }]));
    v1.close();

    const store = open(file);
    expect(store.schemaVersion()).toBe(2);
    const page = store.list({ field: 'binding' }, 1, 10);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ user: 'alice', dagId: '11', outcome: 'succeeded' });
    expect(store.list({ field: 'ha_low_thread_score' }, 1, 10).total).toBe(0);
  });

  it('refuses a database written by a newer release, naming the file', () => {
    const file = dbFile();
    open(file).close();
    const raw = new Database(file);
    raw.prepare('UPDATE schema_version SET version = 99').run();
    raw.close();
    expect(() => openHistoryStore(file, { retentionDays: 30 })).toThrow(
      new RegExp(`${escape(file)}: its schema is version 99, newer than this server knows \\(2\\)`),
    );
  });
});

/** A database exactly as release 1 left it. */
function openV1(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  expect(migrate(db, 1)).toBe(1);
  return db;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('durability and retention', () => {
  it('keeps entries across a restart', () => {
    const file = dbFile();
    const first = openHistoryStore(file, { retentionDays: 30 });
    const { entry } = first.record(sampleEntry('11'), 'alice');
    first.close();
    const second = open(file);
    expect(second.get(entry.id)).toEqual(entry);
  });

  it('deletes entries older than the retention period, at start and on later writes', () => {
    const file = dbFile();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const store = open(file, () => clock);
    const old = store.record(sampleEntry('11'), 'alice').entry;
    clock += 20 * 86_400_000;
    const recent = store.record(sampleEntry('12'), 'bob').entry;
    clock += 15 * 86_400_000; // old is now 35 days old, recent 15 (retention 30)
    store.record(sampleEntry('13'), 'carol');
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(recent.id)).toBeDefined();
    // Its field rows go with it (ON DELETE CASCADE): the field filter finds only live entries.
    expect(store.list({ field: 'backup_base_uri' }, 1, 10).total).toBe(2);
    store.close();
    clock += 20 * 86_400_000;
    const reopened = open(file, () => clock);
    expect(reopened.get(recent.id)).toBeUndefined();
    expect(reopened.list({}, 1, 10).total).toBe(1);
  });
});

describe('secrets', () => {
  it('never writes an access_key, a password or URI credentials to the database or its WAL', () => {
    const file = dbFile();
    const store = open(file);
    const key = 'SeCrEtKeY-8c1f';
    const { entry } = store.record(
      sampleEntry('11', {
        changes: [
          {
            field: 'backup_base_uri',
            old: `oss://bucket/dir?host=oss.example.com&access_id=AKID&access_key=${key}-old`,
            new: `s3://bucket/dir?host=s3.example.com&access_id=AKID&access_key=${key} with space&s3_region=r`,
          },
          { field: 'root_password', old: null, new: `${key}-pw` },
          { field: 'archive_lag_target', old: '1m', new: `ftp://user:${key}-ui@host/x` },
        ],
      }),
      'alice',
    );
    expect(JSON.stringify(entry)).not.toContain(key);
    expect(entry.changes[0]?.new).toBe(
      's3://bucket/dir?host=s3.example.com&access_id=AKID&access_key=******&s3_region=r',
    );
    expect(entry.changes[1]).toEqual({ field: 'root_password', old: null, new: '******' });
    // The raw bytes, before and after a checkpoint moves the WAL into the main file.
    for (const suffix of ['', '-wal']) {
      expect(readFileSync(`${file}${suffix}`).includes(key), `history.db${suffix}`).toBe(false);
    }
    expect(readFileSync(`${file}-wal`).includes('AKID')).toBe(true); // the check can see text at all
    store.close();
    expect(readFileSync(file).includes(key)).toBe(false);
  });
});

describe('start-up errors name the file and the reason', () => {
  it('not a database', () => {
    const file = dbFile();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'this is not sqlite, just text that is long enough to be a header.....');
    expect(() => openHistoryStore(file, { retentionDays: 1 })).toThrow(
      `Cannot open the change-history database ${file}: the file exists but is not an SQLite database`,
    );
  });

  it('a directory path that runs through a file', () => {
    const blocker = dbFile('blocker');
    mkdirSync(path.dirname(blocker), { recursive: true });
    writeFileSync(blocker, 'x');
    const file = path.join(blocker, 'history.db');
    expect(() => openHistoryStore(file, { retentionDays: 1 })).toThrow(
      `Cannot open the change-history database ${file}: a part of its directory path is a file`,
    );
  });

  it('a directory instead of a file', () => {
    const file = dbFile();
    mkdirSync(file, { recursive: true });
    expect(() => openHistoryStore(file, { retentionDays: 1 })).toThrow(
      `Cannot open the change-history database ${file}: the file cannot be opened`,
    );
  });

  it('locked by another process', () => {
    const file = dbFile();
    mkdirSync(path.dirname(file), { recursive: true });
    const other = new Database(file);
    cleanups.push(() => other.close());
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect(() => openHistoryStore(file, { retentionDays: 1 })).toThrow(
      `Cannot open the change-history database ${file}: the database is locked by another process`,
    );
  }, 15_000);
});
