import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ACME_OPS_ANCHOR, generateAcmeOps } from "./generate";
import { ACME_OPS_TIMESTAMPS, daysUntil, shiftAcmeOpsDates } from "./shift-dates";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acme-shift-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(ACME_OPS_TIMESTAMPS).map(([table, columns]) => [table, db.prepare(`SELECT ${columns.join(", ")} FROM ${table} ORDER BY rowid`).raw().all()]),
    );
  } finally {
    db.close();
  }
}

describe("shiftAcmeOpsDates", () => {
  it("counts whole days to the start of today's UTC day", () => {
    expect(daysUntil(ACME_OPS_ANCHOR, ACME_OPS_ANCHOR)).toBe(0);
    expect(daysUntil(ACME_OPS_ANCHOR, ACME_OPS_ANCHOR + 25 * 86_400_000 + 3_600_000)).toBe(25);
  });

  it("moves every timestamp by exactly the days asked, keeping the ISO format and nulls", () => {
    const file = path.join(dir, "acme.db");
    generateAcmeOps({ file, seed: 7, scale: 0.02 });
    const before = snapshot(file);
    shiftAcmeOpsDates(file, 25);
    const after = snapshot(file);
    let compared = 0;
    for (const [table, rows] of Object.entries(before)) {
      rows.forEach((row, i) => {
        (row as (string | null)[]).forEach((value, c) => {
          const moved = (after[table]?.[i] as (string | null)[] | undefined)?.[c];
          if (value === null) {
            expect(moved).toBeNull();
          } else {
            expect(moved).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
            expect(Date.parse(moved ?? "") - Date.parse(value)).toBe(25 * 86_400_000);
            compared += 1;
          }
        });
      });
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
