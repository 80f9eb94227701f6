/**
 * Helpers for the driver tests only: Connection settings for the fixture databases and an
 * assertion that a promise fails with a given DriverError code (returning the error to inspect).
 */
import { expect } from "vitest";
import type { Connection } from "@/lib/schemas/datasources";
import { DriverError, type DriverErrorCode } from "./types";

type NetworkKind = "postgres" | "mysql";

/** A network Connection from a fixture URL (postgres://user:pass@host:port/db). */
export function connectionFromUrl<K extends NetworkKind>(kind: K, url: string, overrides: Partial<Extract<Connection, { kind: K }>> = {}): Extract<Connection, { kind: K }> {
  const parsed = new URL(url);
  const base = {
    kind,
    host: parsed.hostname,
    port: Number(parsed.port || (kind === "postgres" ? 5432 : 3306)),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    sslMode: "disable" as const,
  };
  return { ...base, ...overrides } as Extract<Connection, { kind: K }>;
}

export async function expectDriverError(promise: Promise<unknown>, code: DriverErrorCode): Promise<DriverError> {
  let caught: unknown = null;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected the call to fail").toBeInstanceOf(DriverError);
  const error = caught as DriverError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  return error;
}

/** Strings that break naive quoting or encoding, stored and compared byte for byte. */
export const DANGEROUS_VALUES: (string | null)[] = [
  "'; DROP TABLE t; --",
  "O'Brien",
  'double "quotes" and back\\slash',
  "Zoë — ünïcödé ✓ 中文 🚀",
  "x".repeat(10_000),
  "$1 ? :name %s",
  null,
];
