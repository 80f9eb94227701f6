import { describe, expect, it } from "vitest";
import { ENUM_TONES, enumTone, formatCell, formatCellText } from "./cell-format";

const en = { locale: "en-US", timeZone: "UTC" };

describe("money cells", () => {
  it("format integer cents as dollars with grouping by default", () => {
    expect(formatCellText("money", 123456, en)).toBe("$1,234.56");
    expect(formatCellText("money", 5, en)).toBe("$0.05");
    expect(formatCellText("money", -100000050, en)).toBe("-$1,000,000.50");
    expect(formatCellText("money", "12345678901234567", en)).toBe("$123,456,789,012,345.67");
  });

  it("use the column's format: its currency (fixed or from the row) and a money-in-units decimal", () => {
    const eur = { ...en, format: { style: "money", unit: "cents", currency: "USD", currencyColumn: "currency" } as const };
    expect(formatCellText("money", 1050, { ...eur, row: { currency: "EUR" } })).toBe("€10.50");
    expect(formatCellText("decimal", 31983.38, { ...en, format: { style: "money", unit: "units", currency: "USD" } })).toBe("$31,983.38");
    expect(formatCellText("decimal", 0.125, { ...en, format: { style: "percent", of: 1 } })).toBe("12.5%");
  });
});

describe("formatCell", () => {
  it("marks null and undefined as empty, never as the word NULL", () => {
    expect(formatCell("text", null)).toEqual({ kind: "null" });
    expect(formatCell("integer", undefined)).toEqual({ kind: "null" });
    expect(formatCellText("money", null)).toBe("");
  });

  it("right-aligns numbers and formats money", () => {
    expect(formatCell("integer", 42)).toEqual({ kind: "text", text: "42", numeric: true });
    expect(formatCell("decimal", "12.50")).toEqual({ kind: "text", text: "12.50", numeric: true });
    expect(formatCell("money", 123456, en)).toEqual({ kind: "text", text: "$1,234.56", numeric: true });
    expect(formatCell("money", "oops", en)).toEqual({ kind: "text", text: "oops", numeric: true });
    expect(formatCell("text", 5)).toEqual({ kind: "text", text: "5", numeric: false });
  });

  it("formats dates with the one date policy (the user's locale and zone), whatever shape the driver returns", () => {
    expect(formatCellText("date", "2026-03-04", en)).toBe("Mar 4, 2026");
    expect(formatCellText("datetime", "2026-03-04 10:22:00", en)).toBe("Mar 4, 2026, 10:22 AM");
    expect(formatCellText("datetime", "2026-03-04T10:22:15", en)).toBe("Mar 4, 2026, 10:22:15 AM");
    const instant = new Date(Date.UTC(2026, 2, 4, 10, 22));
    expect(formatCellText("datetime", "2026-03-04T10:22:00.000Z", en)).toBe("Mar 4, 2026, 10:22 AM");
    expect(formatCellText("datetime", "2026-03-04 10:22:00+00", en)).toBe("Mar 4, 2026, 10:22 AM");
    expect(formatCellText("datetime", instant, en)).toBe("Mar 4, 2026, 10:22 AM");
    expect(formatCellText("datetime", "2026-03-04T10:22:00.000Z", { locale: "en-US", timeZone: "Asia/Tokyo" })).toBe("Mar 4, 2026, 7:22 PM");
  });

  it("reads a database timestamp and an edited ISO timestamp the same way, naming the zone where asked", () => {
    // The conflict panel's case: "theirs" as the database returns it beside "yours" as edited.
    const zoned = { ...en, showZone: true };
    expect(formatCellText("datetime", "2022-02-25 12:00:00+00", zoned)).toBe("Feb 25, 2022, 12:00 PM UTC");
    expect(formatCellText("datetime", "2022-02-26T15:30:00.000Z", zoned)).toBe("Feb 26, 2022, 3:30 PM UTC");
  });

  it("shows booleans as true/false", () => {
    expect(formatCell("boolean", true)).toEqual({ kind: "boolean", value: true });
    expect(formatCell("boolean", 0)).toEqual({ kind: "boolean", value: false });
    expect(formatCellText("boolean", "t")).toBe("true");
    expect(formatCell("boolean", "maybe")).toEqual({ kind: "text", text: "maybe", numeric: false });
  });

  it("gives enum values a stable colour", () => {
    const display = formatCell("enum", "paid");
    expect(display).toEqual({ kind: "enum", text: "paid", tone: enumTone("paid") });
    expect(enumTone("paid")).toBe(enumTone("paid"));
    const tones = new Set(["pending", "paid", "shipped", "delivered", "cancelled", "refunded"].map(enumTone));
    expect(tones.size).toBeGreaterThan(2);
    for (const tone of tones) expect(tone).toBeLessThan(ENUM_TONES);
  });

  it("links only http(s) URLs", () => {
    expect(formatCell("url", "https://example.com")).toEqual({ kind: "url", text: "https://example.com", href: "https://example.com" });
    expect(formatCell("url", "javascript:alert(1)")).toEqual({ kind: "text", text: "javascript:alert(1)", numeric: false });
  });

  it("shows JSON compactly", () => {
    expect(formatCellText("json", { a: [1, 2], b: null })).toBe('{"a":[1,2],"b":null}');
    expect(formatCellText("json", '{"raw": true}')).toBe('{"raw": true}');
  });
});
