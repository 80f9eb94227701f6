/**
 * Low-level PostgreSQL pieces for the driver: running one statement over the extended protocol
 * with a portal row limit (the row cap), type parsers that keep values exact and JSON-safe, and
 * OID → type-name lookup for result columns.
 *
 * Why a portal row limit: the guard owns the SQL, so we may not wrap it (no LIMIT, no DECLARE
 * CURSOR around it), and neither pg-cursor nor pg-query-stream is installed. node-postgres'
 * own `Query` already sends `Execute` with a max-rows count when given `rows` (that is how
 * pg-cursor works); by default it then asks for the next batch on PortalSuspended. Overriding
 * that one hook stops after rowCap+1 rows: the server produces only those rows (a `SELECT` over a
 * billion rows costs what rowCap+1 rows cost) and the portal is dropped at COMMIT. Rows are asked
 * for in chunks, so the result byte cap also stops the portal soon after it is crossed, instead
 * of after rowCap+1 rows of any size. `queryMode: "extended"` forces Parse/Bind/Execute even without values, and the server
 * refuses more than one statement in a Parse message ("cannot insert multiple commands into a
 * prepared statement") — node-postgres would otherwise send value-less text with the simple
 * protocol, which runs any number of statements.
 */
import pg from "pg";
import { integerTextToJson } from "./results";

/** The part of node-postgres' internal connection the query hooks use. */
interface ProtocolConnection {
  sync(): void;
  flush(): void;
  execute(config: { portal: string; rows: number }): void;
}

interface ExtendedQueryConfig extends pg.QueryConfig<unknown[]> {
  rowMode: "array";
  queryMode: "extended";
  /** Max rows per Execute; undefined fetches everything. */
  rows?: number;
}

export interface FetchedResult {
  fields: pg.FieldDef[];
  rows: unknown[][];
  /** From CommandComplete; null when the row limit stopped the portal first. */
  rowCount: number | null;
  /** The portal had more rows than the limit. */
  suspended: boolean;
  /** The rows kept were more than `maxBytes`: reading stopped, and the result must be refused. */
  tooLarge: boolean;
}

/** Rows per Execute when a row limit is set: small enough to stop soon after the byte cap. */
const FETCH_CHUNK = 500;

type HandleError = (this: pg.Query, error: Error, connection: ProtocolConnection) => void;
type HandleDataRow = (this: pg.Query, message: unknown) => void;
const baseQuery = pg.Query.prototype as unknown as { handleError: HandleError; handleDataRow: HandleDataRow };
const baseHandleError = baseQuery.handleError;
const baseHandleDataRow = baseQuery.handleDataRow;

export interface StatementOptions {
  /** Stop the portal after this many rows (reads: the row cap + 1). */
  rowLimit?: number;
  /** Run to completion but keep only this many rows (writes with RETURNING: memory stays bounded). */
  keepRows?: number;
  /** Most bytes of row data (as sent by the server) to keep; past it `tooLarge` is set and no more rows are kept. */
  maxBytes?: number;
}

class LimitedQuery extends pg.Query<unknown[], unknown[]> {
  suspended = false;
  tooLarge = false;
  private seen = 0;
  private bytes = 0;

  constructor(
    config: ExtendedQueryConfig,
    callback: (error: Error | undefined, result: pg.ResultBuilder<unknown[]>) => void,
    private readonly options: StatementOptions,
  ) {
    super(config, callback);
  }

  /** Rows past `keepRows` or the byte cap are not even parsed; the server's row count still covers them. */
  handleDataRow(message: unknown): void {
    this.seen += 1;
    const { keepRows, maxBytes } = this.options;
    if (this.tooLarge || (keepRows !== undefined && this.seen > keepRows)) return;
    this.bytes += (message as { length?: number }).length ?? 0;
    if (maxBytes !== undefined && this.bytes > maxBytes) {
      this.tooLarge = true;
      return;
    }
    baseHandleDataRow.call(this, message);
  }

  /**
   * Called by node-postgres when Execute hit its row count: stop (Sync) at the row limit or the
   * byte cap, otherwise ask for the next chunk of the same portal.
   */
  handlePortalSuspended(connection: ProtocolConnection): void {
    const limit = this.options.rowLimit ?? 0;
    if (this.tooLarge || this.seen >= limit) {
      this.suspended = this.seen >= limit;
      connection.sync();
      return;
    }
    connection.execute({ portal: (this as unknown as { portal?: string }).portal ?? "", rows: Math.min(FETCH_CHUNK, limit - this.seen) });
    connection.flush();
  }

  /**
   * With a row limit node-postgres sends Flush, not Sync, after Execute; after a server error the
   * backend ignores everything until a Sync, so send it here (as pg-cursor does) or the client
   * would wait for ReadyForQuery forever. Client-side errors (bind failures, lost sockets) are
   * not DatabaseErrors and need no Sync.
   */
  handleError(error: Error, connection: ProtocolConnection): void {
    if (this.options.rowLimit !== undefined && error instanceof pg.DatabaseError) connection.sync();
    baseHandleError.call(this, error, connection);
  }
}

/** One statement, extended protocol, array rows. */
export function runStatement(client: pg.ClientBase, sql: string, values: unknown[], options: StatementOptions = {}): Promise<FetchedResult> {
  const { rowLimit } = options;
  return new Promise<FetchedResult>((resolve, reject) => {
    const config: ExtendedQueryConfig = { text: sql, values, rowMode: "array", queryMode: "extended", ...(rowLimit !== undefined ? { rows: Math.max(1, Math.min(FETCH_CHUNK, rowLimit)) } : {}) };
    const query = new LimitedQuery(
      config,
      (error, result) => {
        if (error) reject(error);
        else resolve({ fields: result.fields, rows: result.rows, rowCount: result.rowCount, suspended: query.suspended, tooLarge: query.tooLarge });
      },
      options,
    );
    client.query(query);
  });
}

// ---------------------------------------------------------------------------------------------
// Type parsers: exact, JSON-safe values.

const OID = {
  int8: 20,
  int8Array: 1016,
  date: 1082,
  time: 1083,
  timestamp: 1114,
  timestamptz: 1184,
  interval: 1186,
  timetz: 1266,
  dateArray: 1182,
  timeArray: 1183,
  timestampArray: 1115,
  timestamptzArray: 1185,
  intervalArray: 1187,
  timetzArray: 1270,
} as const;

const identity = (value: string): string => value;
/** text[]; not in pg-types' builtins enum (which lists only scalar types). */
const TEXT_ARRAY_OID = 1009 as unknown as Parameters<typeof pg.types.getTypeParser>[0];

function mapArray(value: unknown, transform: (value: string) => unknown): unknown {
  if (Array.isArray(value)) return value.map((inner) => mapArray(inner, transform));
  return typeof value === "string" ? transform(value) : value;
}

/** Arrays parsed as text[] (which handles quoting, NULLs and nesting), then each element transformed. */
const parseTextArray =
  (transform: (value: string) => unknown) =>
  (value: string): unknown =>
    mapArray((pg.types.getTypeParser(TEXT_ARRAY_OID, "text") as (text: string) => unknown)(value), transform);

/**
 * Date/time values stay the server's text: JS Dates would drop microseconds, shift
 * `timestamp without time zone` by the Node process's zone and cannot hold ±infinity.
 * int8 becomes a number when exact, else text. Everything else uses node-postgres' parsers.
 */
const OVERRIDES = new Map<number, (value: string) => unknown>([
  [OID.int8, integerTextToJson],
  [OID.int8Array, parseTextArray(integerTextToJson)],
  [OID.date, identity],
  [OID.time, identity],
  [OID.timestamp, identity],
  [OID.timestamptz, identity],
  [OID.interval, identity],
  [OID.timetz, identity],
  [OID.dateArray, parseTextArray(identity)],
  [OID.timeArray, parseTextArray(identity)],
  [OID.timestampArray, parseTextArray(identity)],
  [OID.timestamptzArray, parseTextArray(identity)],
  [OID.intervalArray, parseTextArray(identity)],
  [OID.timetzArray, parseTextArray(identity)],
]);

export const exactTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    const override = format === "binary" ? undefined : OVERRIDES.get(oid);
    return override ?? pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

// ---------------------------------------------------------------------------------------------
// OID → type name ("int4", "varchar", "_text", "my_enum"), cached per driver.

export class PostgresTypeNames {
  private readonly names = new Map<number, string>();

  constructor() {
    for (const [name, oid] of Object.entries(pg.types.builtins)) this.names.set(Number(oid), name.toLowerCase());
  }

  /** Names for these OIDs, asking pg_type (on the given client) only for ones not seen before. */
  async resolve(client: pg.ClientBase, oids: readonly number[]): Promise<string[]> {
    const missing = [...new Set(oids.filter((oid) => !this.names.has(oid)))];
    if (missing.length > 0) {
      const found = await runStatement(client, "SELECT oid::int8, typname::text FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])", [missing]);
      for (const row of found.rows) this.names.set(Number(row[0]), String(row[1]));
    }
    return oids.map((oid) => this.names.get(oid) ?? "");
  }
}
