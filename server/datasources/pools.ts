/**
 * Connection pools to the external databases, one way for everyone who opens them — the
 * builders' drivers (server/datasources/drivers) and the actions' databases
 * (server/actions/databases): Rowcraft's connection settings, the SSL decision probed once
 * (tls.ts), a listener so a connection dropped while idle cannot crash the process, and a pool
 * that is opened on first use and opened again after a failed attempt (`Lazy`).
 */
import mysql from "mysql2";
import type { Pool as MysqlPool, PoolOptions } from "mysql2";
import pg from "pg";
import type { Connection } from "@/lib/schemas/datasources";
import { resolveMysqlSsl, resolvePostgresSsl, type MysqlSsl, type PostgresSsl } from "@/server/datasources/tls";

type PostgresConnection = Extract<Connection, { kind: "postgres" }>;
type MysqlConnection = Extract<Connection, { kind: "mysql" }>;

const noop = () => undefined;
const IDLE_TIMEOUT_MS = 30_000;

/** Made on first use and kept (a pool, a created table); when making it failed, the next use tries again. */
export class Lazy<T> {
  private promise: Promise<T> | null = null;

  constructor(private readonly open: () => Promise<T>) {}

  get(): Promise<T> {
    this.promise ??= this.open();
    const current = this.promise;
    current.catch(() => {
      if (this.promise === current) this.promise = null;
    });
    return current;
  }

  /** Forgets the value; returns it, if it was made, for the caller to close. */
  async take(): Promise<T | null> {
    const current = this.promise;
    this.promise = null;
    return current ? current.catch(() => null) : null;
  }
}

export interface PostgresPoolSettings {
  connectTimeoutMs: number;
  /** Shown in pg_stat_activity: which part of Rowcraft holds the connection. */
  applicationName: string;
  /** Type parsers (the builders' driver keeps values exact); pg's defaults when absent. */
  types?: pg.CustomTypesConfig;
}

export function postgresClientConfig(c: PostgresConnection, ssl: PostgresSsl, settings: PostgresPoolSettings): pg.ClientConfig {
  return {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    ssl,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: settings.applicationName,
    keepAlive: true,
    ...(settings.types ? { types: settings.types } : {}),
  };
}

export async function openPostgresPool(c: PostgresConnection, settings: PostgresPoolSettings & { max: number }): Promise<{ pool: pg.Pool; ssl: PostgresSsl }> {
  const ssl = await resolvePostgresSsl(c, async (candidate) => {
    const probe = new pg.Client(postgresClientConfig(c, candidate, settings));
    probe.on("error", noop);
    try {
      await probe.connect();
    } finally {
      await probe.end().catch(noop);
    }
  });
  const pool = new pg.Pool({ ...postgresClientConfig(c, ssl, settings), max: settings.max, idleTimeoutMillis: IDLE_TIMEOUT_MS, allowExitOnIdle: true });
  pool.on("error", noop);
  return { pool, ssl };
}

export function mysqlConnectionOptions(c: MysqlConnection, ssl: MysqlSsl, connectTimeoutMs: number): PoolOptions {
  return {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    ssl,
    connectTimeout: connectTimeoutMs,
    // Never more than one statement per call; never let the server read client files.
    multipleStatements: false,
    // FOUND_ROWS (mysql2's default, pinned here): affectedRows of an UPDATE counts the rows it
    // matched, not only those whose values changed — batch counts rely on it.
    flags: ["-MULTI_STATEMENTS", "-LOCAL_FILES", "FOUND_ROWS"],
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: "utf8mb4",
    enableKeepAlive: true,
    // mysql2 caches prepared statements per connection (default 16,000): keep the server's
    // global max_prepared_stmt_count out of reach.
    maxPreparedStatements: 64,
  };
}

/** One connection outside any pool (SSL probe, KILL QUERY). */
export function connectMysql(options: PoolOptions): Promise<mysql.Connection> {
  return new Promise((resolve, reject) => {
    const connection = mysql.createConnection(options);
    connection.on("error", noop);
    connection.connect((error) => (error ? reject(error) : resolve(connection)));
  });
}

export function endMysqlQuietly(connection: mysql.Connection): Promise<void> {
  return new Promise((resolve) => connection.end(() => resolve()));
}

export async function openMysqlPool(c: MysqlConnection, settings: { connectTimeoutMs: number; max: number }): Promise<{ pool: MysqlPool; options: PoolOptions }> {
  const ssl = await resolveMysqlSsl(c, async (candidate) => endMysqlQuietly(await connectMysql(mysqlConnectionOptions(c, candidate, settings.connectTimeoutMs))));
  const options = mysqlConnectionOptions(c, ssl, settings.connectTimeoutMs);
  const pool = mysql.createPool({ ...options, connectionLimit: settings.max, maxIdle: settings.max, idleTimeout: IDLE_TIMEOUT_MS, waitForConnections: true, queueLimit: 0 });
  // A pooled connection that dies while idle emits 'error'; without a listener that crashes the process.
  pool.on("connection", (connection) => connection.on("error", noop));
  return { pool, options };
}
