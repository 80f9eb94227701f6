/**
 * The SSL mode of a connection, as each client library takes it — one decision for the builders'
 * drivers and the engineers' action databases. "prefer" (libpq's default, which node-postgres and
 * mysql2 do not have) tries TLS unverified once and falls back to plain only when the server says
 * it has no TLS; any other failure is reported, so a TLS problem is never silently downgraded.
 */
import type { ConnectionOptions } from "node:tls";
import type { SslOptions } from "mysql2";
import type { Connection } from "@/lib/schemas/datasources";

type NetworkConnection = Extract<Connection, { kind: "postgres" | "mysql" }>;

export type PostgresSsl = false | ConnectionOptions;
export type MysqlSsl = SslOptions | undefined;

/** `probe(ssl)` connects once with that setting and closes again (it throws what the server said). */
export async function resolvePostgresSsl(connection: NetworkConnection, probe: (ssl: PostgresSsl) => Promise<void>): Promise<PostgresSsl> {
  switch (connection.sslMode) {
    case "disable":
      return false;
    case "require":
      return { rejectUnauthorized: false };
    case "verify-full":
      return { rejectUnauthorized: true, servername: connection.host };
    case "prefer":
      try {
        await probe({ rejectUnauthorized: false });
        return { rejectUnauthorized: false };
      } catch (error) {
        if (error instanceof Error && /does not support SSL/i.test(error.message)) return false;
        throw error;
      }
  }
}

export async function resolveMysqlSsl(connection: NetworkConnection, probe: (ssl: MysqlSsl) => Promise<void>): Promise<MysqlSsl> {
  switch (connection.sslMode) {
    case "disable":
      return undefined;
    case "require":
      return { rejectUnauthorized: false };
    case "verify-full":
      // A trusted chain AND the host name (mysql2 checks the name only when asked).
      return { rejectUnauthorized: true, verifyIdentity: true };
    case "prefer":
      try {
        await probe({ rejectUnauthorized: false });
        return { rejectUnauthorized: false };
      } catch (error) {
        if ((error as { code?: unknown }).code === "HANDSHAKE_NO_SSL_SUPPORT") return undefined;
        throw error;
      }
  }
}
