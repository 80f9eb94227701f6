/**
 * Where Rowcraft keeps its files. Everything lives under ROWCRAFT_DATA_DIR (default ./data):
 * the metadata database, the demo database and the generated secrets, so one folder is the
 * whole state of an installation and tests can point each run at a fresh one.
 */
import path from "node:path";

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.ROWCRAFT_DATA_DIR ?? "data");
}

/** The metadata database URL: DATABASE_URL, else a SQLite file in the data folder. */
export function metadataDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), "rowcraft.db")}`;
}

/** Filesystem path of a `file:` SQLite URL. */
export function sqliteFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL (got "${url.split(":")[0]}:..."); see README, Configuration.`);
  }
  return path.resolve(/*turbopackIgnore: true*/ url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
}

export function demoDatabaseFile(): string {
  return path.join(dataDir(), "acme-ops.sqlite");
}
