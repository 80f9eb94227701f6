/**
 * Process-wide drivers, one per data source id, so every request for a source shares its pool
 * (and a slow source only ever uses its own). A driver is replaced — and the old one closed —
 * when the source's settings change. Kept on globalThis so Next.js dev reloads don't leak pools.
 */
import { createHash } from "node:crypto";
import type { Connection } from "@/lib/schemas/datasources";
import { createDriver } from "./create-driver";
import type { Driver, DriverOptions } from "./types";

interface Entry {
  driver: Driver;
  /** updatedAt plus a hash of the settings: either changing means a new driver. */
  version: string;
}

const REGISTRY_KEY = Symbol.for("rowcraft.datasource-drivers");

function entries(): Map<string, Entry> {
  const holder = globalThis as { [REGISTRY_KEY]?: Map<string, Entry> };
  holder[REGISTRY_KEY] ??= new Map<string, Entry>();
  return holder[REGISTRY_KEY];
}

function versionOf(connection: Connection, updatedAt: Date | string | number): string {
  const settings = createHash("sha256").update(JSON.stringify(connection)).digest("hex");
  return `${new Date(updatedAt).getTime()}:${settings}`;
}

function closeQuietly(driver: Driver): Promise<void> {
  return driver.close().catch(() => undefined);
}

export function getDriver(id: string, connection: Connection, updatedAt: Date | string | number, options: DriverOptions = {}): Driver {
  const map = entries();
  const version = versionOf(connection, updatedAt);
  const existing = map.get(id);
  if (existing?.version === version) return existing.driver;
  // Queries still running on the old driver finish or fail on their own; new ones use the new settings.
  if (existing) void closeQuietly(existing.driver);
  const driver = createDriver(connection, options);
  map.set(id, { driver, version });
  return driver;
}

export async function closeDriver(id: string): Promise<void> {
  const map = entries();
  const existing = map.get(id);
  if (!existing) return;
  map.delete(id);
  await closeQuietly(existing.driver);
}

export async function closeAllDrivers(): Promise<void> {
  const map = entries();
  const all = [...map.values()];
  map.clear();
  await Promise.all(all.map((entry) => closeQuietly(entry.driver)));
}
