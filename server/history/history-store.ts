import type Database from 'better-sqlite3';
import { dagTimeMs, outcomeOfDag, scopeOfDag } from './dag-outcome.ts';
import {
  FINAL_OUTCOMES,
  type Change,
  type HistoryEntry,
  type HistoryFilter,
  type NewEntryBody,
  type OutcomeBody,
  type ReconcileDag,
} from './entry-schema.ts';
import { entryOfRow, whereOf } from './history-query.ts';
import { maskChanges } from './mask-secrets.ts';
import { LATEST_VERSION, currentVersion } from './migrations.ts';
import { openDatabase } from './open-database.ts';

export interface HistoryStoreOptions {
  /** HISTORY_RETENTION_DAYS: entries older than this are deleted (at start and hourly on write). */
  retentionDays: number;
  /** The clock, in ms; tests move it. */
  now?: () => number;
}

export type OutcomeResult =
  | { kind: 'updated' | 'unchanged'; entry: HistoryEntry }
  | { kind: 'not-found' }
  | { kind: 'conflict'; entry: HistoryEntry };

export interface Page {
  items: HistoryEntry[];
  total: number;
  page: number;
  size: number;
}

const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
export const EXPORT_MAX_ROWS = 100_000;

export type HistoryStore = ReturnType<typeof openHistoryStore>;

/** Opens the history database at `file` (created with its directory when missing). */
export function openHistoryStore(file: string, options: HistoryStoreOptions) {
  const now = options.now ?? Date.now;
  const db: Database.Database = openDatabase(file);
  const cutoff = () => now() - options.retentionDays * DAY_MS;

  const byId = db.prepare('SELECT * FROM entries WHERE id = ?');
  const byDag = db.prepare('SELECT * FROM entries WHERE cluster_id = ? AND dag_id = ?');
  const insert = db.prepare(
    `INSERT INTO entries (time_ms, cluster_id, scope, user, changes, dag_id, outcome, started_ms, finished_ms, source)
     VALUES (@time, @cluster, @scope, @user, @changes, @dag, @outcome, @started, @finished, @source)`,
  );
  const insertField = db.prepare(
    'INSERT OR IGNORE INTO entry_fields (entry_id, field) VALUES (?, ?)',
  );
  const claim = db.prepare(
    `UPDATE entries SET scope = @scope, user = @user, changes = @changes, source = 'dashboard' WHERE id = @id`,
  );
  const setOutcomeStmt = db.prepare(
    `UPDATE entries SET outcome = @outcome, started_ms = coalesce(@started, started_ms),
     finished_ms = @finished WHERE id = @id`,
  );
  const pruneStmt = db.prepare('DELETE FROM entries WHERE time_ms < ?');

  let lastPrune = 0;
  function prune(): number {
    lastPrune = now();
    return pruneStmt.run(cutoff()).changes;
  }
  function maybePrune() {
    if (now() - lastPrune >= PRUNE_EVERY_MS) prune();
  }
  const get = (id: number | bigint) => {
    const row = byId.get(id);
    return row === undefined ? undefined : entryOfRow(row);
  };
  const msOf = (iso: string | undefined) => (iso === undefined ? null : Date.parse(iso));

  function addFields(id: number | bigint, changes: readonly Change[]) {
    for (const change of changes) insertField.run(id, change.field);
  }

  /** Records a change applied through the dashboard; idempotent per (cluster, DAG). */
  const record = db.transaction((body: NewEntryBody, user: string) => {
    maybePrune();
    const changes = maskChanges(body.changes);
    const existingRow = byDag.get(body.clusterId, body.dagId);
    if (existingRow !== undefined) {
      const existing = entryOfRow(existingRow);
      if (existing.source === 'dashboard') return { entry: existing, created: false };
      // The next visit's reconcile saw the DAG before the browser recorded it: claim that entry.
      claim.run({ id: existing.id, scope: body.scope, user, changes: JSON.stringify(changes) });
      addFields(existing.id, changes);
      return { entry: get(existing.id) ?? existing, created: true };
    }
    const outcome = body.outcome ?? 'pending';
    const { lastInsertRowid } = insert.run({
      time: now(),
      cluster: body.clusterId,
      scope: body.scope,
      user,
      changes: JSON.stringify(changes),
      dag: body.dagId,
      outcome,
      started: msOf(body.startedAt),
      finished: outcome === 'pending' ? null : msOf(body.finishedAt),
      source: 'dashboard',
    });
    addFields(lastInsertRowid, changes);
    const entry = get(lastInsertRowid);
    if (!entry) throw new Error('the entry just written cannot be read back');
    return { entry, created: true };
  });

  /** Several entries in one transaction (one fsync): imports, seeding a bench. */
  const recordMany = db.transaction((items: readonly { body: NewEntryBody; user: string }[]) =>
    items.map((item) => record(item.body, item.user)),
  );

  /** An outcome the browser saw. Final outcomes (obshell never changes them) are kept. */
  const setOutcome = db.transaction((id: number, body: OutcomeBody): OutcomeResult => {
    const entry = get(id);
    if (!entry) return { kind: 'not-found' };
    if (FINAL_OUTCOMES.has(entry.outcome)) {
      return entry.outcome === body.outcome
        ? { kind: 'unchanged', entry }
        : { kind: 'conflict', entry };
    }
    setOutcomeStmt.run({
      id,
      outcome: body.outcome,
      started: msOf(body.startedAt),
      finished: body.outcome === 'pending' ? null : msOf(body.finishedAt),
    });
    return { kind: 'updated', entry: get(id) ?? entry };
  });

  /**
   * The DAG list the browser read from `/task/dags/ob`: fills in outcomes of entries whose task
   * ended while nobody watched, and adds "outside" entries for backup-config DAGs this dashboard
   * did not start (no user, no fields: obshell does not keep them).
   */
  const reconcile = db.transaction((clusterId: string, dags: readonly ReconcileDag[]) => {
    maybePrune();
    const updated: number[] = [];
    const added: number[] = [];
    for (const dag of dags) {
      const outcome = outcomeOfDag(dag);
      const started = dagTimeMs(dag.start_time);
      const finished = outcome === 'pending' ? null : dagTimeMs(dag.end_time);
      const row = byDag.get(clusterId, dag.id);
      if (row !== undefined) {
        const entry = entryOfRow(row);
        const finishedMs = entry.finishedAt === null ? null : Date.parse(entry.finishedAt);
        if (FINAL_OUTCOMES.has(entry.outcome)) continue;
        if (entry.outcome === outcome && finishedMs === finished) continue;
        setOutcomeStmt.run({ id: entry.id, outcome, started, finished });
        updated.push(entry.id);
        continue;
      }
      const scope = scopeOfDag(dag.name);
      // Not a backup-config DAG, or older than what we keep (it would come back after each prune).
      if (!scope || (started !== null && started < cutoff())) continue;
      const { lastInsertRowid } = insert.run({
        time: started ?? now(),
        cluster: clusterId,
        scope,
        user: null,
        changes: '[]',
        dag: dag.id,
        outcome,
        started,
        finished,
        source: 'outside',
      });
      added.push(Number(lastInsertRowid));
    }
    return { updated, added };
  });

  function list(filter: HistoryFilter, page: number, size: number): Page {
    const where = whereOf(filter);
    const countRow = db.prepare(`SELECT count(*) AS n FROM entries ${where.sql}`).get(where.params);
    const total =
      countRow && typeof countRow === 'object' && 'n' in countRow ? Number(countRow.n) : 0;
    const rows = db
      .prepare(
        `SELECT * FROM entries ${where.sql} ORDER BY time_ms DESC, id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...where.params, limit: size, offset: (page - 1) * size });
    return { items: rows.map(entryOfRow), total, page, size };
  }

  /** Every matching entry, newest first, without holding them all in memory. */
  function* exportEntries(filter: HistoryFilter): Generator<HistoryEntry> {
    const where = whereOf(filter);
    const rows = db
      .prepare(
        `SELECT * FROM entries ${where.sql} ORDER BY time_ms DESC, id DESC LIMIT ${EXPORT_MAX_ROWS}`,
      )
      .iterate(where.params);
    for (const row of rows) yield entryOfRow(row);
  }

  /** Values for the filter pickers. */
  function facets(clusterId?: string) {
    const pluck = (sql: string, ...params: string[]) =>
      db
        .prepare(sql)
        .pluck()
        .all(...params)
        .filter((value): value is string => typeof value === 'string');
    const inCluster = clusterId ? 'WHERE cluster_id = ?' : '';
    const args = clusterId ? [clusterId] : [];
    return {
      clusters: pluck('SELECT DISTINCT cluster_id FROM entries ORDER BY 1'),
      fields: pluck(
        `SELECT DISTINCT field FROM entry_fields WHERE entry_id IN (SELECT id FROM entries ${inCluster}) ORDER BY 1 LIMIT 500`,
        ...args,
      ),
      users: pluck(
        `SELECT DISTINCT user FROM entries ${inCluster ? `${inCluster} AND` : 'WHERE'} user IS NOT NULL ORDER BY 1 LIMIT 500`,
        ...args,
      ),
    };
  }

  prune();
  return {
    path: db.name,
    record,
    recordMany,
    setOutcome,
    reconcile,
    list,
    exportEntries,
    facets,
    prune,
    get,
    schemaVersion: () => currentVersion(db),
    latestVersion: LATEST_VERSION,
    close: () => db.close(),
  };
}
