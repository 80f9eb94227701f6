import { describe, expect, it } from "vitest";
import { csvField, csvFileName, exportCsv } from "./csv";
import { EMPTY_EDITS, stageEdits } from "./grid-edits";
import type { GridColumn, GridRow } from "./types";

const columns: GridColumn[] = [
  { id: "id", name: "id", dataType: "int4", type: "integer", editable: false },
  { id: "name", name: "Full name", dataType: "text", type: "text", editable: true },
  { id: "total_cents", name: "Total", dataType: "int4", type: "money", editable: true },
  { id: "paid", name: "paid", dataType: "bool", type: "boolean", editable: true },
];

describe("exportCsv", () => {
  it("writes RFC 4180 CSV: header, CRLF, quoted fields with doubled quotes", () => {
    const rows: GridRow[] = [
      { id: 1, name: "Ada, Countess", total_cents: 123450, paid: true },
      { id: 2, name: 'The "Boss"\nline two', total_cents: null, paid: false },
    ];
    expect(exportCsv(columns, rows)).toBe(
      'id,name,total_cents,paid\r\n1,"Ada, Countess",123450,true\r\n2,"The ""Boss""\nline two",,false\r\n',
    );
  });

  it("exports raw database values under raw column names by default: total_cents holds 284, never 2.84", () => {
    const rows: GridRow[] = [{ id: 7, name: "x", total_cents: 284, paid: 1, placed: "2026-03-04T10:22:00.000Z" }];
    const placed: GridColumn = { id: "placed", name: "Placed", dataType: "timestamptz", type: "datetime", editable: false };
    const csv = exportCsv([...columns, placed], rows);
    expect(csv).toBe("id,name,total_cents,paid,placed\r\n7,x,284,1,2026-03-04T10:22:00.000Z\r\n");
  });

  it("exports formatted values under formatted headers when asked, never a mix", () => {
    const rows: GridRow[] = [{ id: 7, name: "x", total_cents: 284, paid: true, placed: "2026-03-04T10:22:00.000Z" }];
    const placed: GridColumn = { id: "placed", name: "Placed", dataType: "timestamptz", type: "datetime", editable: false };
    const csv = exportCsv([...columns, placed], rows, { mode: "formatted", locale: "en-US", timeZone: "UTC" });
    expect(csv).toBe('id,Full name,Total,paid,Placed\r\n7,x,$2.84,true,"Mar 4, 2026, 10:22 AM"\r\n');
  });

  it("exports the given columns in order, skipping rows that are not loaded", () => {
    const rows: (GridRow | undefined)[] = [{ id: 1, name: "a", total_cents: 1, paid: true }, undefined];
    const picked = [columns[3]!, columns[0]!];
    expect(exportCsv(picked, rows)).toBe("paid,id\r\ntrue,1\r\n");
  });

  it("guards text that a spreadsheet would run as a formula, but not numbers", () => {
    const rows: GridRow[] = [{ id: -1, name: "=HYPERLINK(\"x\")", total_cents: -500, paid: null }];
    expect(exportCsv(columns, rows)).toBe('id,name,total_cents,paid\r\n-1,"\'=HYPERLINK(""x"")",-500,\r\n');
    expect(exportCsv(columns, [{ id: 1, name: "-2", total_cents: "-7", paid: null }])).toBe("id,name,total_cents,paid\r\n1,'-2,-7,\r\n");
    expect(exportCsv(columns, rows, { escapeFormulas: false })).toContain('"=HYPERLINK(""x"")"');
  });

  it("exports valid staged values", () => {
    const staged = stageEdits(EMPTY_EDITS, [
      { rowId: "1", columnId: "name", before: "a", after: "b" },
      { rowId: "1", columnId: "total_cents", before: 1, after: "zz", error: "bad" },
    ]).staged;
    const csv = exportCsv(columns, [{ id: 1, name: "a", total_cents: 1, paid: true }], { staged, getRowId: (row) => String(row.id) });
    expect(csv).toBe("id,name,total_cents,paid\r\n1,b,1,true\r\n");
  });

  it("exports 100,000 rows, one line each (its speed is measured in bench, not here)", () => {
    const rows: GridRow[] = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `name ${i}`, total_cents: i * 7, paid: i % 2 === 0 }));
    const csv = exportCsv(columns, rows);
    expect(csv.split("\r\n")).toHaveLength(100_002);
  });
});

describe("csv helpers", () => {
  it("quotes only when needed", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("names the file after the grid", () => {
    expect(csvFileName("Order results")).toBe("order-results.csv");
    expect(csvFileName("!!!")).toBe("export.csv");
    expect(csvFileName("orders", "formatted")).toBe("orders-formatted.csv");
  });
});
