/**
 * Server-wide limits on running data source queries, from the environment (README,
 * Configuration): the most bytes one result may hold (alongside each source's row cap), and how
 * many statements one user may run at once on one source. Read at each use, so tests and admins
 * can change them without a restart.
 */
import { DriverError } from "./drivers/types";

/** 20 MiB of row data: far above what a screen shows, far below what stalls the server. */
export const DEFAULT_MAX_RESULT_BYTES = 20 * 1024 * 1024;
/** Statements one user may run at the same time on one source; the rest wait their turn. */
export const DEFAULT_MAX_QUERIES_PER_USER = 2;

function positiveIntegerFromEnv(name: string, fallback: number, unit: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new DriverError("database_error", `The server setting ${name} must be a positive whole number of ${unit} (it is "${raw}"); ask the administrator to fix it.`);
  }
  return value;
}

export function maxResultBytes(): number {
  return positiveIntegerFromEnv("ROWCRAFT_MAX_RESULT_BYTES", DEFAULT_MAX_RESULT_BYTES, "bytes");
}

export function maxQueriesPerUser(): number {
  return positiveIntegerFromEnv("ROWCRAFT_MAX_QUERIES_PER_USER", DEFAULT_MAX_QUERIES_PER_USER, "statements");
}
