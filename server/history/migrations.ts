import type Database from 'better-sqlite3';

/**
 * Schema versions, applied in order inside one transaction each; `schema_version` holds the
 * newest applied. Never edit a released step: add the next one (a database written by v1 must
 * open with every later release).
 */
export interface Migration {
  version: number;
  describe: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    describe: 'entries table',
    up(db) {
      db.exec(`
        CREATE TABLE entries (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          time_ms INTEGER NOT NULL,
          cluster_id TEXT NOT NULL,
          scope TEXT NOT NULL,
          user TEXT,
          changes TEXT NOT NULL,
          dag_id TEXT NOT NULL,
          outcome TEXT NOT NULL,
          started_ms INTEGER,
          finished_ms INTEGER,
          source TEXT NOT NULL
        );
        CREATE UNIQUE INDEX entries_cluster_dag ON entries (cluster_id, dag_id);
        CREATE INDEX entries_time ON entries (time_ms DESC, id DESC);
      `);
    },
  },
  {
    version: 2,
    describe:
      'one row per changed field, so "filter by field" uses an index instead of scanning JSON',
    up(db) {
      db.exec(`
        CREATE TABLE entry_fields (
          entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
          field TEXT NOT NULL,
          PRIMARY KEY (field, entry_id)
        ) WITHOUT ROWID;
        CREATE INDEX entry_fields_entry ON entry_fields (entry_id);
        INSERT OR IGNORE INTO entry_fields (entry_id, field)
          SELECT entries.id, json_extract(change.value, '$.field')
          FROM entries, json_each(entries.changes) AS change;
        CREATE INDEX entries_cluster_time ON entries (cluster_id, time_ms DESC, id DESC);
      `);
    },
  },
];

export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;

export function currentVersion(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db
    .prepare<[], { version: number }>('SELECT max(version) AS version FROM schema_version')
    .get();
  return row?.version ?? 0;
}

/**
 * Brings the schema up to `target` (default: latest). Returns the version it ended at. Each step
 * takes the write lock first (BEGIN IMMEDIATE) and re-reads the version, so two servers starting
 * on one file at once do not both run it.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const check = (version: number) => {
    if (version > LATEST_VERSION) {
      throw new Error(
        `its schema is version ${version}, newer than this server knows (${LATEST_VERSION}): it was written by a newer release of the dashboard`,
      );
    }
  };
  check(currentVersion(db));
  for (const step of migrations) {
    if (step.version > target) break;
    db.transaction(() => {
      const now = currentVersion(db);
      check(now);
      if (step.version <= now) return;
      step.up(db);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(step.version);
    }).immediate();
  }
  return currentVersion(db);
}
