import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations.ts';

/** The history database could not be opened: the message names the file and what to do. */
export class HistoryStoreError extends Error {
  override name = 'HistoryStoreError';
}

const BUSY_TIMEOUT_MS = 5000;

function reasonOf(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'its directory cannot be created or written (permission denied); make it writable for the server user or set HISTORY_DB to a writable place';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of its directory path is a file, not a directory; set HISTORY_DB to a path inside a directory';
    case 'SQLITE_NOTADB':
      return 'the file exists but is not an SQLite database; move it away or point HISTORY_DB elsewhere';
    case 'SQLITE_CORRUPT':
      return 'the database file is damaged; restore it from a backup or move it away';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `the database is locked by another process (still locked after ${BUSY_TIMEOUT_MS / 1000} s); stop the other process or use another HISTORY_DB`;
    case 'SQLITE_CANTOPEN':
      return 'the file cannot be opened (is it a directory, or is its directory not writable?)';
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
      return 'the file or its directory is read-only; the history needs to write there';
    case 'SQLITE_FULL':
      return 'the disk is full';
    default:
      return message;
  }
}

/**
 * Opens (or creates) the SQLite file with the settings durability depends on: WAL, and
 * synchronous=FULL so a transaction acknowledged to the browser is on disk even if the server is
 * killed (or the machine loses power) right after. Writes are a handful per human change: the
 * fsync per commit costs nothing that matters.
 */
export function openDatabase(file: string): Database.Database {
  const absolute = path.resolve(file);
  let db: Database.Database | undefined;
  try {
    mkdirSync(path.dirname(absolute), { recursive: true });
    db = new Database(absolute, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Pruned rows are overwritten, not left in free pages: retention means gone.
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw new HistoryStoreError(
      `Cannot open the change-history database ${absolute}: ${reasonOf(error)}.`,
      { cause: error },
    );
  }
}
