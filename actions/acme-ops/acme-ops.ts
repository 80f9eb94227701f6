/** What the Acme Ops demo actions share: their target source, money and time formats, id fields. */
import { z } from "zod";

/** The stable name of the demo database; it maps to the data source named "Acme Ops" (same words). */
export const ACME_OPS = "acme-ops";

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** 4500 → "$45.00" */
export function formatUsd(cents: number): string {
  return USD.format(cents / 100);
}

/** Whole-second ISO-8601 UTC, the format every Acme Ops timestamp uses. */
export function acmeNow(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
}

export const orderIdField = z.number().int().positive().describe("Order id (orders.id)");

/** Integers come back as numbers from SQLite and as strings from PostgreSQL's bigint sums: accept both. */
export function toInt(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Expected an integer from the database, got ${String(value)}`);
  return n;
}
