import { describe, expect, it } from "vitest";
import { applyTypeOverrides, gridColumnsFromResult, inferColumnType, parseCellInput, toEditText } from "./column-types";
import type { GridColumn } from "./types";

describe("inferColumnType", () => {
  it.each([
    ["int4", "integer"],
    ["int8", "integer"],
    ["integer", "integer"],
    ["INTEGER", "integer"],
    ["bigint", "integer"],
    ["smallint", "integer"],
    ["int(11)", "integer"],
    ["bigint unsigned", "integer"],
    ["numeric", "decimal"],
    ["numeric(10,2)", "decimal"],
    ["decimal(12, 4)", "decimal"],
    ["real", "decimal"],
    ["double", "decimal"],
    ["double precision", "decimal"],
    ["float8", "decimal"],
    ["date", "date"],
    ["timestamp", "datetime"],
    ["timestamptz", "datetime"],
    ["timestamp with time zone", "datetime"],
    ["datetime", "datetime"],
    ["bool", "boolean"],
    ["boolean", "boolean"],
    ["tinyint(1)", "boolean"],
    ["json", "json"],
    ["jsonb", "json"],
    ["uuid", "text"],
    ["varchar(255)", "text"],
  ])("%s → %s", (dataType, expected) => {
    expect(inferColumnType("value", dataType, []).type).toBe(expected);
  });

  it("treats integer *_cents columns as money, but not text ones", () => {
    expect(inferColumnType("total_cents", "INTEGER", [1200])).toEqual({ type: "money" });
    expect(inferColumnType("price_cents", "int8", [])).toEqual({ type: "money" });
    expect(inferColumnType("total_cents", "numeric", [])).toEqual({ type: "decimal" });
    expect(inferColumnType("total", "int4", [])).toEqual({ type: "integer" });
  });

  it("reads SQLite TEXT timestamps and dates from their samples", () => {
    expect(inferColumnType("placed_at", "TEXT", ["2025-03-04T10:22:00.000Z", null, "2025-03-05 08:00:00"]).type).toBe("datetime");
    expect(inferColumnType("due_on", "TEXT", ["2025-03-04", "2025-12-31"]).type).toBe("date");
    expect(inferColumnType("note", "TEXT", ["2025-03-04", "soon"]).type).toBe("text");
    expect(inferColumnType("note", "TEXT", [null, null]).type).toBe("text");
  });

  it("makes small value sets of status-like text columns enums, with sorted values", () => {
    expect(inferColumnType("status", "TEXT", ["paid", "pending", "paid", null, "shipped"])).toEqual({ type: "enum", enumValues: ["paid", "pending", "shipped"] });
    expect(inferColumnType("order_status", "varchar", ["a", "b"]).type).toBe("enum");
    for (const name of ["kind", "carrier", "priority", "segment"]) expect(inferColumnType(name, "text", ["x"]).type).toBe("enum");
    expect(inferColumnType("city", "text", ["Paris", "Rome"]).type).toBe("text");
  });

  it("keeps text when a status-like column has more than 12 distinct values", () => {
    const values = Array.from({ length: 13 }, (_, i) => `s${i}`);
    expect(inferColumnType("status", "text", values).type).toBe("text");
    expect(inferColumnType("status", "text", values.slice(0, 12)).type).toBe("enum");
  });

  it("reads MySQL enum types", () => {
    expect(inferColumnType("size", "enum('S','M','it''s')", [])).toEqual({ type: "enum", enumValues: ["S", "M", "it's"] });
  });

  it("recognises http(s) URL samples", () => {
    expect(inferColumnType("homepage", "text", ["https://example.com/a", "http://x.org"]).type).toBe("url");
    expect(inferColumnType("homepage", "text", ["https://example.com", "ftp://x.org"]).type).toBe("text");
  });

  it("builds grid columns from a result", () => {
    const columns = gridColumnsFromResult(
      [
        { name: "id", dataType: "int4" },
        { name: "status", dataType: "text" },
      ],
      [{ id: 1, status: "open" }, { id: 2, status: "closed" }],
      { editable: (name) => name !== "id" },
    );
    expect(columns).toEqual([
      { id: "id", name: "id", dataType: "int4", type: "integer", editable: false },
      { id: "status", name: "status", dataType: "text", type: "enum", enumValues: ["closed", "open"], editable: true },
    ]);
  });
});

describe("parseCellInput", () => {
  it("turns empty text into NULL for every type", () => {
    for (const type of ["text", "integer", "decimal", "money", "date", "datetime", "boolean", "enum", "json", "url"] as const) {
      expect(parseCellInput(type, "")).toEqual({ ok: true, value: null });
    }
    expect(parseCellInput("integer", "   ")).toEqual({ ok: true, value: null });
  });

  it("keeps text as typed", () => {
    expect(parseCellInput("text", "  hello ")).toEqual({ ok: true, value: "  hello " });
  });

  it("parses whole numbers and refuses anything else", () => {
    expect(parseCellInput("integer", "42")).toEqual({ ok: true, value: 42 });
    expect(parseCellInput("integer", "-7")).toEqual({ ok: true, value: -7 });
    expect(parseCellInput("integer", "1,234")).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput("integer", "12a")).toEqual({ ok: false, message: "Enter a whole number." });
    expect(parseCellInput("integer", "a")).toEqual({ ok: false, message: "Enter a whole number." });
    expect(parseCellInput("integer", "1.5")).toEqual({ ok: false, message: "Enter a whole number." });
  });

  it("keeps integers beyond 2^53 exact as text", () => {
    expect(parseCellInput("integer", "9007199254740993")).toEqual({ ok: true, value: "9007199254740993" });
  });

  it("parses decimals", () => {
    expect(parseCellInput("decimal", "12.5")).toEqual({ ok: true, value: 12.5 });
    expect(parseCellInput("decimal", "-.5")).toEqual({ ok: true, value: -0.5 });
    expect(parseCellInput("decimal", "1e3")).toEqual({ ok: true, value: 1000 });
    expect(parseCellInput("decimal", "12.3456789012345678")).toEqual({ ok: true, value: "12.3456789012345678" });
    expect(parseCellInput("decimal", "twelve").ok).toBe(false);
  });

  it("parses money into integer cents", () => {
    expect(parseCellInput("money", "12.34")).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput("money", "$1,234.50")).toEqual({ ok: true, value: 123450 });
    expect(parseCellInput("money", "7")).toEqual({ ok: true, value: 700 });
    expect(parseCellInput("money", "0.5")).toEqual({ ok: true, value: 50 });
    expect(parseCellInput("money", "-$3.05")).toEqual({ ok: true, value: -305 });
    expect(parseCellInput("money", "$-3.05")).toEqual({ ok: true, value: -305 });
    expect(parseCellInput("money", "(3.05)")).toEqual({ ok: true, value: -305 });
    expect(parseCellInput("money", "1.234").ok).toBe(false);
    expect(parseCellInput("money", "$").ok).toBe(false);
    expect(parseCellInput("money", "abc").ok).toBe(false);
  });

  it("parses booleans from common words", () => {
    for (const text of ["true", "TRUE", "yes", "Y", "1"]) expect(parseCellInput("boolean", text)).toEqual({ ok: true, value: true });
    for (const text of ["false", "no", "N", "0"]) expect(parseCellInput("boolean", text)).toEqual({ ok: true, value: false });
    expect(parseCellInput("boolean", "maybe").ok).toBe(false);
  });

  it("accepts ISO dates and refuses impossible ones", () => {
    expect(parseCellInput("date", "2026-03-04")).toEqual({ ok: true, value: "2026-03-04" });
    expect(parseCellInput("date", "2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseCellInput("date", "2025-02-29").ok).toBe(false);
    expect(parseCellInput("date", "04/03/2026")).toEqual({ ok: false, message: "Enter a date as YYYY-MM-DD." });
  });

  it("accepts ISO timestamps and stores them as UTC ISO", () => {
    expect(parseCellInput("datetime", "2026-03-04T10:22:00Z")).toEqual({ ok: true, value: "2026-03-04T10:22:00.000Z" });
    expect(parseCellInput("datetime", "2026-03-04T10:22:00+02:00")).toEqual({ ok: true, value: "2026-03-04T08:22:00.000Z" });
    expect(parseCellInput("datetime", "2026-03-04 10:22+0200")).toEqual({ ok: true, value: "2026-03-04T08:22:00.000Z" });
    // Without a zone the text is local time, as the grid shows it.
    expect(parseCellInput("datetime", "2026-03-04 10:22")).toEqual({ ok: true, value: new Date(2026, 2, 4, 10, 22).toISOString() });
    expect(parseCellInput("datetime", "2026-03-04")).toEqual({ ok: true, value: new Date(2026, 2, 4).toISOString() });
    expect(parseCellInput("datetime", "2026-03-04 25:00").ok).toBe(false);
    expect(parseCellInput("datetime", "tomorrow").ok).toBe(false);
  });

  it("accepts only the enum's values, matching case-insensitively", () => {
    const values = ["paid", "pending"];
    expect(parseCellInput("enum", "paid", values)).toEqual({ ok: true, value: "paid" });
    expect(parseCellInput("enum", "PAID", values)).toEqual({ ok: true, value: "paid" });
    expect(parseCellInput("enum", "lost", values)).toEqual({ ok: false, message: "Choose one of: paid, pending." });
  });

  it("parses JSON", () => {
    expect(parseCellInput("json", '{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseCellInput("json", "{a:1}").ok).toBe(false);
  });

  it("accepts only http(s) URLs", () => {
    expect(parseCellInput("url", "https://example.com/x?y=1")).toEqual({ ok: true, value: "https://example.com/x?y=1" });
    expect(parseCellInput("url", "javascript:alert(1)").ok).toBe(false);
    expect(parseCellInput("url", "example.com").ok).toBe(false);
  });
});

describe("toEditText", () => {
  it("writes values so that parseCellInput reads them back", () => {
    const cases: Array<[Parameters<typeof toEditText>[0], unknown]> = [
      ["money", 123456],
      ["money", -5],
      ["integer", 42],
      ["decimal", 12.5],
      ["boolean", true],
      ["date", "2026-03-04"],
      ["json", { a: 1 }],
      ["text", "x\ty"],
    ];
    for (const [type, value] of cases) {
      expect(parseCellInput(type, toEditText(type, value))).toEqual({ ok: true, value });
    }
  });

  it("formats each type for editing", () => {
    expect(toEditText("money", 123456)).toBe("1234.56");
    expect(toEditText("money", "-5")).toBe("-0.05");
    expect(toEditText("money", "12345678901234567")).toBe("123456789012345.67");
    expect(toEditText("boolean", 1)).toBe("true");
    expect(toEditText("boolean", "f")).toBe("false");
    expect(toEditText("text", null)).toBe("");
    expect(toEditText("json", [1, "a"])).toBe('[1,"a"]');
    expect(toEditText("date", "2026-03-04T00:00:00.000Z")).toBe("2026-03-04");
    expect(toEditText("datetime", "2026-03-04 10:22:00")).toBe("2026-03-04 10:22");
  });

  it("shows zoned timestamps in local time, round-tripping through parseCellInput", () => {
    const iso = "2026-03-04T10:22:00.000Z";
    const text = toEditText("datetime", iso);
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(parseCellInput("datetime", text)).toEqual({ ok: true, value: iso });
  });
});

describe("applyTypeOverrides", () => {
  const columns: GridColumn[] = [
    { id: "amount", name: "amount", dataType: "INTEGER", type: "integer", editable: true },
    { id: "region", name: "region", dataType: "TEXT", type: "text", editable: false },
  ];

  it("keeps the columns as they are without overrides", () => {
    expect(applyTypeOverrides(columns, {}, [])).toBe(columns);
  });

  it("shows an integer as money and a text column as a status badge with its loaded values", () => {
    const rows = [{ region: "north" }, { region: "south" }, { region: "north" }, undefined, { region: null }];
    const [amount, region] = applyTypeOverrides(columns, { amount: "money", region: "enum" }, rows);
    expect(amount?.type).toBe("money");
    expect(region).toMatchObject({ type: "enum", enumValues: ["north", "south"] });
  });
});

describe("gridColumnsFromResult and currencies", () => {
  it("shows cents in the currency of the row when the result has a currency column", () => {
    const [total] = gridColumnsFromResult(
      [
        { name: "total_cents", dataType: "int4" },
        { name: "currency", dataType: "text" },
      ],
      [{ total_cents: 1050, currency: "EUR" }],
    );
    expect(total?.format).toEqual({ style: "money", unit: "cents", currency: "USD", currencyColumn: "currency" });
    expect(gridColumnsFromResult([{ name: "total_cents", dataType: "int4" }], [])[0]?.format).toBeUndefined();
  });
});

describe("gridColumnsFromResult and status values", () => {
  it("takes a status column's values from every row, not just the sample", () => {
    const rows = [...Array.from({ length: 300 }, (_, i) => ({ status: i % 2 ? "paid" : "delivered" })), { status: "shipped" }];
    const [status] = gridColumnsFromResult([{ name: "status", dataType: "TEXT" }], rows, { sampleSize: 200 });
    expect(status).toMatchObject({ type: "enum", enumValues: ["delivered", "paid", "shipped"] });
  });
});
