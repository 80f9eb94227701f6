import { describe, expect, it } from "vitest";
import type { Connection } from "@/lib/schemas/datasources";
import { resolveMysqlSsl, resolvePostgresSsl } from "@/server/datasources/tls";

const base = { kind: "postgres", host: "db.internal", port: 5432, database: "d", user: "u", password: "", sslMode: "prefer" } as const;
const withMode = (sslMode: Extract<Connection, { kind: "postgres" }>["sslMode"]) => ({ ...base, sslMode });
const never = async () => {
  throw new Error("no probe expected");
};

describe("TLS decision", () => {
  it("maps fixed modes without connecting", async () => {
    expect(await resolvePostgresSsl(withMode("disable"), never)).toBe(false);
    expect(await resolvePostgresSsl(withMode("require"), never)).toEqual({ rejectUnauthorized: false });
    expect(await resolvePostgresSsl(withMode("verify-full"), never)).toEqual({ rejectUnauthorized: true, servername: "db.internal" });
    expect(await resolveMysqlSsl(withMode("verify-full"), never)).toEqual({ rejectUnauthorized: true, verifyIdentity: true });
  });

  it("prefer: TLS when the probe connects, plain only when the server has no TLS", async () => {
    expect(await resolvePostgresSsl(withMode("prefer"), async () => undefined)).toEqual({ rejectUnauthorized: false });
    expect(await resolvePostgresSsl(withMode("prefer"), async () => Promise.reject(new Error("The server does not support SSL connections")))).toBe(false);
    expect(await resolveMysqlSsl(withMode("prefer"), async () => Promise.reject(Object.assign(new Error("no"), { code: "HANDSHAKE_NO_SSL_SUPPORT" })))).toBeUndefined();
  });

  it("prefer never hides another failure behind a plain connection", async () => {
    await expect(resolvePostgresSsl(withMode("prefer"), async () => Promise.reject(new Error("password authentication failed")))).rejects.toThrow(/password/);
    await expect(resolveMysqlSsl(withMode("prefer"), async () => Promise.reject(Object.assign(new Error("denied"), { code: "ER_ACCESS_DENIED_ERROR" })))).rejects.toThrow(/denied/);
  });
});
