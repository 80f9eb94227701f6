/**
 * An admin cannot recover a stored data source password by pointing the source elsewhere:
 * with host, port, database, user or TLS mode changed, a left-out password is refused before
 * anything connects. A fake server on loopback records whether anything reached it.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { DEFAULT_POLICY, PASSWORD_REQUIRED_MESSAGE } from "@/lib/schemas/datasources";
import { openConnection } from "@/server/datasources/stored-datasource";
import { closeAllDrivers } from "@/server/datasources/drivers/registry";
import { contextAs, createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";
import { trpcErrorOf } from "@/server/testing/trpc-errors";

const STORED_PASSWORD = "s3cret-stored-password";

let meta: TestMetadataDb;
let fake: net.Server;
let fakePort = 0;
const received: Buffer[] = [];
let connections = 0;

beforeAll(async () => {
  meta = await createTestMetadataDb();
  fake = net.createServer((socket) => {
    connections += 1;
    socket.on("data", (chunk) => {
      received.push(chunk);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  fakePort = (fake.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await closeAllDrivers();
  await new Promise((resolve) => fake.close(resolve));
  await meta.cleanup();
});

const original = { kind: "postgres" as const, host: "127.0.0.1", port: 5432, database: "postgres", user: "postgres", sslMode: "disable" as const };

async function adminWithSource() {
  const admin = createCaller(await contextAs(meta.db, "admin"));
  const saved = await admin.datasources.save({ name: `Warehouse ${Math.random().toString(36).slice(2)}`, connection: { ...original, password: STORED_PASSWORD }, policy: DEFAULT_POLICY });
  return { admin, id: saved.id };
}

/** The same source moved in one respect; host and port changes point at the fake server. */
function changed(field: string) {
  switch (field) {
    case "host":
      return { ...original, host: "localhost", port: fakePort };
    case "port":
      return { ...original, port: fakePort };
    case "database":
      return { ...original, database: "other" };
    case "user":
      return { ...original, user: "someone_else" };
    default:
      return { ...original, sslMode: "prefer" as const };
  }
}

describe("stored data source password", () => {
  it.each(["host", "port", "database", "user", "TLS mode"])("is not reused when the %s changes: test and save are refused before connecting", async (field) => {
    const { admin, id } = await adminWithSource();
    const connection = changed(field);
    const before = connections;
    expect((await trpcErrorOf(admin.datasources.test({ id, connection })))?.message).toBe(PASSWORD_REQUIRED_MESSAGE);
    const saving = await trpcErrorOf(admin.datasources.save({ id, name: "Moved", connection, policy: DEFAULT_POLICY }));
    expect(saving).toMatchObject({ code: "BAD_REQUEST", message: PASSWORD_REQUIRED_MESSAGE });
    expect(connections).toBe(before);
    const row = await meta.db.dataSource.findUniqueOrThrow({ where: { id } });
    expect(openConnection(row)).toMatchObject({ ...original, password: STORED_PASSWORD });
  });

  it("is reused while the connection details stay the same", async () => {
    const { admin, id } = await adminWithSource();
    expect(await admin.datasources.test({ id, connection: original })).toMatchObject({ ok: true });
    await admin.datasources.save({ id, name: "Renamed warehouse", connection: original, policy: { ...DEFAULT_POLICY, rowCap: 10 } });
    expect(openConnection(await meta.db.dataSource.findUniqueOrThrow({ where: { id } }))).toMatchObject({ password: STORED_PASSWORD });
  });

  it("a newly typed password goes to the new place (the fake server does see connections)", async () => {
    const { admin, id } = await adminWithSource();
    const before = connections;
    const result = await admin.datasources.test({ id, connection: { ...original, port: fakePort, password: "typed-again" } });
    expect(result).toMatchObject({ ok: false });
    expect(connections).toBeGreaterThan(before);
    expect(Buffer.concat(received).toString("latin1")).not.toContain(STORED_PASSWORD);
  });
});
