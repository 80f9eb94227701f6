// SQLite worker *process* for the SQLite driver (plain JavaScript so it runs the same under
// vitest/tsx and next start, loaded by path at run time). better-sqlite3 is synchronous and has
// no interrupt: a runaway statement (an endless WITH RECURSIVE) spins inside SQLite's C code,
// where neither worker_threads' terminate() nor the event loop can reach it — measured here: a
// terminated worker thread kept a core busy and even blocked process exit. A child process can
// always be killed with SIGKILL, so the parent runs every statement here and kills us at the
// deadline or on cancel.
//
// Protocol (IPC, structured clone): parent → { id, op: "execute" | "batch" | "version", file, ... };
// child → { type: "ready" } once, then { id, ok: true, result } or { id, ok: false, error }.
import fs from "node:fs";
import Database from "better-sqlite3";

/** Open connections for one file: read-only for reads, a separate read-write one for writes. */
let cache = { file: null, identity: null, read: null, write: null };

function failure(driverCode, message, extra = {}) {
  const error = new Error(message);
  error.driverCode = driverCode;
  Object.assign(error, extra);
  return error;
}

function closeAll() {
  for (const db of [cache.read, cache.write]) {
    try {
      db?.close();
    } catch {
      // already closed or busy; the process may be killed anyway
    }
  }
  cache = { file: null, identity: null, read: null, write: null };
}

function open(file, mode) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    closeAll();
    throw failure("file_missing", `There is no SQLite database file at ${file}.`);
  }
  if (!stat.isFile()) throw failure("file_missing", `${file} is not a file.`);
  // A file replaced on disk (new inode) must not be served from the old open handle.
  const identity = `${stat.dev}:${stat.ino}`;
  if (cache.file !== file || cache.identity !== identity) {
    closeAll();
    cache.file = file;
    cache.identity = identity;
  }
  if (mode === "read") {
    if (!cache.read) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      // readonly alone does not stop ATTACH, VACUUM INTO or temp triggers (see the reader check);
      // query_only refuses any write on this connection as a second lock.
      db.pragma("query_only = 1");
      db.pragma("trusted_schema = 0");
      db.defaultSafeIntegers(true);
      cache.read = db;
    }
    return cache.read;
  }
  if (!cache.write) {
    const db = new Database(file, { fileMustExist: true });
    db.pragma("trusted_schema = 0");
    db.defaultSafeIntegers(true);
    cache.write = db;
  }
  return cache.write;
}

function bind(values) {
  return values.map((value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value));
}

/**
 * Roughly what one row holds in memory, for the result byte cap (the same estimate as rowBytes()
 * in results.ts, which this plain-JS process cannot import): text by length, blobs by size.
 */
function rowBytes(row) {
  let total = 0;
  for (const value of row) {
    if (value === null || value === undefined) total += 1;
    else if (typeof value === "string") total += value.length;
    else if (value instanceof Uint8Array) total += value.byteLength;
    else total += 8;
  }
  return total;
}

/** Counts kept rows' bytes; past the cap the statement stops with result_too_large. */
function byteCounter(maxBytes) {
  let bytes = 0;
  return (row) => {
    bytes += rowBytes(row);
    if (typeof maxBytes === "number" && bytes > maxBytes) throw failure("result_too_large", "result too large");
  };
}

function columnsOf(stmt) {
  return stmt.columns().map((column) => ({ name: column.name, type: column.type }));
}

function totalChanges(db) {
  return Number(db.prepare("SELECT total_changes()").pluck().get());
}

function executeRead(message) {
  const db = open(message.file, "read");
  db.pragma(`busy_timeout = ${message.busyTimeoutMs}`);
  const stmt = db.prepare(message.sql);
  // stmt.reader: returns rows; stmt.readonly: does not write (INSERT … RETURNING is a reader).
  if (!stmt.reader || !stmt.readonly) {
    throw failure("read_only_violation", "Nothing was changed: this source runs this query read-only, and the statement would change the database.");
  }
  stmt.raw(true);
  const rows = [];
  let truncated = false;
  const count = byteCounter(message.maxResultBytes);
  for (const row of stmt.iterate(...bind(message.values))) {
    if (rows.length >= message.rowCap) {
      truncated = true;
      break; // ends the iterator: SQLite stops producing rows
    }
    // Throwing ends the iterator too: the rows read so far are dropped, not sent.
    count(row);
    rows.push(row);
  }
  // Names after running: SQLite re-prepares a statement whose schema changed (another
  // connection's ALTER TABLE) on its first step, and only then are its columns current.
  return { columns: columnsOf(stmt), rows, truncated, affectedRows: null };
}

/**
 * A preview sample: a SELECT the guard built from the user's write, read on the write
 * connection inside its transaction. If it fails the preview goes on without it and says why.
 */
function readSample(db, statement, sampleSize, notes) {
  try {
    const stmt = db.prepare(statement.sql);
    if (!stmt.reader || !stmt.readonly) throw new Error("the sample statement is not a plain read");
    stmt.raw(true);
    const rows = [];
    for (const row of stmt.iterate(...bind(statement.values))) {
      if (rows.length >= sampleSize) break;
      rows.push(row);
    }
    return { columns: columnsOf(stmt), rows };
  } catch (error) {
    notes.push(`No sample of the rows before the change: ${String(error?.message ?? error)}`);
    return null;
  }
}

/**
 * Runs `body(db)` inside BEGIN IMMEDIATE on the write connection (waiting for another writer
 * at most busyTimeoutMs); `body` COMMITs or ROLLBACKs itself, and any error rolls back.
 */
function inWriteTransaction(message, body) {
  const db = open(message.file, "write");
  db.pragma(`busy_timeout = ${message.busyTimeoutMs}`);
  db.exec("BEGIN IMMEDIATE");
  try {
    return body(db);
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function requireTransaction(db) {
  if (!db.inTransaction) {
    throw failure("database_error", "The statement ended the transaction itself, so it could not be checked or rolled back.");
  }
}

function executeWrite(message) {
  // Previews with samples may run the guard's RETURNING variant of the write instead.
  const sampling = message.preview ? message.sampling : null;
  const write = sampling ? sampling.write : { sql: message.sql, values: message.values };
  return inWriteTransaction(message, (db) => {
    const stmt = db.prepare(write.sql);
    const notes = sampling ? [...sampling.notes] : [];
    const beforeSample = sampling?.before ? readSample(db, sampling.before, sampling.sampleSize, notes) : null;
    // total_changes() counts every row the statement changed (including trigger and cascade
    // changes, so the limit is conservative); changes() would repeat an older count after DDL.
    const before = totalChanges(db);
    const keep = sampling && !sampling.userRows ? sampling.sampleSize : message.rowCap;
    let columns = [];
    let rows = [];
    let truncated = false;
    if (stmt.reader) {
      stmt.raw(true);
      columns = columnsOf(stmt);
      // RETURNING: SQLite applies all changes before the first row; read to the end to finish.
      const count = byteCounter(message.maxResultBytes);
      for (const row of stmt.iterate(...bind(write.values))) {
        if (rows.length < keep) {
          count(row);
          rows.push(row);
        } else truncated = true;
      }
    } else {
      stmt.run(...bind(write.values));
    }
    const affected = totalChanges(db) - before;
    // The statement's own rows; the rest of `affected` are foreign-key actions and triggers.
    const own = affected === 0 ? 0 : Number(db.prepare("SELECT changes()").pluck().get());
    requireTransaction(db);
    if (message.maxAffectedRows !== null && affected > message.maxAffectedRows) {
      throw failure("too_many_rows_affected", "too many rows", { affected });
    }
    db.exec(message.preview ? "ROLLBACK" : "COMMIT");
    if (!sampling) return { columns, rows, truncated, affectedRows: affected };
    const after = sampling.after === "write-rows" ? { columns, rows: rows.slice(0, sampling.sampleSize) } : null;
    if (!sampling.userRows) {
      columns = [];
      rows = [];
      truncated = false;
    }
    return { columns, rows, truncated, affectedRows: affected, ownRows: own, preview: { before: beforeSample, after, notes } };
  });
}

/**
 * Rows one batch statement changed: changes() — the statement's own rows (for UPDATE every row
 * its WHERE matched, also one already holding the new values), not trigger or cascade rows.
 * After a statement that changes nothing (DDL) changes() repeats an older count, which an
 * unchanged total_changes() tells apart.
 */
function changedRows(db, statement) {
  const stmt = db.prepare(statement.sql);
  const before = totalChanges(db);
  if (stmt.reader) {
    // RETURNING: read to the end so the statement finishes; the rows are not needed.
    stmt.raw(true);
    for (const row of stmt.iterate(...bind(statement.values))) void row;
  } else {
    stmt.run(...bind(statement.values));
  }
  if (totalChanges(db) === before) return 0;
  return Number(db.prepare("SELECT changes()").pluck().get());
}

/**
 * executeBatch: every statement in order in one transaction (also after a count mismatch, so
 * the caller learns all of them), COMMIT only when each changed exactly `expectedAffected` rows.
 * The same rule as batchMatches() in batch-steps.ts, which this plain-JS process cannot import.
 */
function executeBatch(message) {
  return inWriteTransaction(message, (db) => {
    const rows = message.statements.map(() => null);
    const affected = message.statements.map((statement, index) => {
      let count;
      if (statement.returnRows) {
        // A read inside the transaction: its rows go back, and its count is how many there were.
        const read = readRows(db, statement);
        rows[index] = read;
        count = read.rows.length;
      } else {
        count = changedRows(db, statement);
      }
      requireTransaction(db);
      return count;
    });
    const committed = message.statements.every((statement, index) => affected[index] === statement.expectedAffected);
    db.exec(committed ? "COMMIT" : "ROLLBACK");
    return { committed, affected, rows };
  });
}

/** A plain read of a batch (it must not write: the batch's counts would lie). */
function readRows(db, statement) {
  const stmt = db.prepare(statement.sql);
  if (!stmt.reader || !stmt.readonly) throw failure("database_error", "A batch statement that returns rows must be a plain read.");
  stmt.raw(true);
  const rows = [...stmt.iterate(...bind(statement.values))];
  return { columns: columnsOf(stmt), rows };
}

function version(message) {
  const db = open(message.file, "read");
  // Reading the schema proves the file is an SQLite database, not just any file.
  db.prepare("SELECT count(*) FROM sqlite_schema").get();
  return { version: db.prepare("SELECT sqlite_version()").pluck().get() };
}

function handle(message) {
  if (message.op === "execute") return message.mode === "read" ? executeRead(message) : executeWrite(message);
  if (message.op === "batch") return executeBatch(message);
  if (message.op === "version") return version(message);
  throw new Error(`Unknown operation ${String(message.op)}`);
}

process.on("message", (message) => {
  try {
    process.send({ id: message.id, ok: true, result: handle(message) });
  } catch (error) {
    process.send({
      id: message.id,
      ok: false,
      error: {
        driverCode: error?.driverCode,
        sqliteCode: typeof error?.code === "string" ? error.code : undefined,
        name: error?.name,
        message: String(error?.message ?? error),
        affected: typeof error?.affected === "number" ? error.affected : undefined,
      },
    });
  }
});

// The parent went away (crash, exit): nothing else will ever talk to us.
process.on("disconnect", () => {
  closeAll();
  process.exit(0);
});

process.send({ type: "ready" });
