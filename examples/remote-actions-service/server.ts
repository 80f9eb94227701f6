/**
 * A sample action service built with @rowcraft/actions: its own process, its own PostgreSQL
 * database. Environment: DATABASE_URL, ROWCRAFT_ACTIONS_SECRET (≥ 32 characters), PORT (0 picks a
 * free one), ACTION_DELAY_MS. Prints one JSON line {"listening": <port>} when ready.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/billing ROWCRAFT_ACTIONS_SECRET=… npx tsx examples/remote-actions-service/server.ts
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { createActionService, postgresIdempotency } from "@rowcraft/actions";
import { ACTIONS, SCHEMA_SQL } from "./actions";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see the header of examples/remote-actions-service/server.ts).`);
  return value;
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: required("DATABASE_URL"), max: 16 });
  pool.on("error", (error) => console.error("Idle database connection failed:", error));
  await pool.query(SCHEMA_SQL);

  const service = createActionService({ secret: required("ROWCRAFT_ACTIONS_SECRET"), actions: ACTIONS, idempotency: postgresIdempotency(pool) });
  const server = http.createServer(service.listener);
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT ?? 4100), "127.0.0.1", () => {
    process.stdout.write(`${JSON.stringify({ listening: (server.address() as AddressInfo).port })}\n`);
  });

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void pool.end();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error("The sample action service could not start:", error);
  process.exit(1);
});
