/**
 * "Test connection": opens a short-lived driver on the given settings and reports exactly what
 * failed (DNS, refused, auth, missing database, TLS, missing file) in words an admin can act on.
 */
import type { Connection } from "@/lib/schemas/datasources";
import { createDriver } from "@/server/datasources/drivers/create-driver";
import { DriverError } from "@/server/datasources/drivers/types";

export type TestConnectionResult =
  | { ok: true; serverVersion: string; durationMs: number }
  | { ok: false; code: string; message: string };

function target(connection: Connection): string {
  return connection.kind === "sqlite" ? connection.file : `${connection.host}:${connection.port}`;
}

export function explainConnectionFailure(connection: Connection, error: unknown): { code: string; message: string } {
  if (!(error instanceof DriverError)) {
    return { code: "unknown", message: error instanceof Error ? error.message : "The connection failed for an unknown reason." };
  }
  const where = target(connection);
  const database = connection.kind === "sqlite" ? connection.file : connection.database;
  const user = connection.kind === "sqlite" ? "" : connection.user;
  const messages: Partial<Record<DriverError["code"], string>> = {
    dns: `The host name in ${where} could not be found (DNS). Check the spelling of the host.`,
    connection_refused: `Nothing accepted the connection at ${where}. Check the host and port, and that the database server is running and reachable from Rowcraft.`,
    auth_failed: `The server refused the login for user "${user}". Check the user name and password.`,
    database_missing: `The server has no database named "${database}". Check the database name.`,
    tls: `The TLS (SSL) handshake failed: ${error.message}. Check the SSL mode against the server's configuration.`,
    file_missing: `There is no SQLite database file at ${where}.`,
    timeout: `The server at ${where} did not answer in time. Check the host, port and any firewall.`,
  };
  return { code: error.code, message: messages[error.code] ?? error.message };
}

export async function testConnection(connection: Connection): Promise<TestConnectionResult> {
  const driver = createDriver(connection, { poolSize: 1, connectTimeoutMs: 5000 });
  try {
    return await driver.test();
  } catch (error) {
    return { ok: false, ...explainConnectionFailure(connection, error) };
  } finally {
    await driver.close().catch(() => undefined);
  }
}
