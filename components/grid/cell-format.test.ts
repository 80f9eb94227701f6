import { describe, expect, it } from "vitest";
import { ENUM_TONES, enumTone, formatCell, formatCellText, formatMoney } from "./cell-format";

describe("formatMoney", () => {
  it("formats integer cents as dollars with grouping", () => {
    expect(formatMoney(BigInt(123456))).toBe("$1,234.56");
    expect(formatMoney(BigInt(5))).toBe("$0.05");
    expect(formatMoney(BigInt(-100000050))).toBe("-$1,000,000.50");
    expect(formatMoney(BigInt("12345678901234567"))).toBe("$123,456,789,012,345.67");
  });
});

describe("formatCell", () => {
  it("shows NULL for null and undefined", () => {
    expect(formatCell("text", null)).toEqual({ kind: "null" });
    expect(formatCell("integer", undefined)).toEqual({ kind: "null" });
    expect(formatCellText("money", null)).toBe("NULL");
  });

  it("right-aligns numbers and formats money", () => {
    expect(formatCell("integer", 42)).toEqual({ kind: "text", text: "42", numeric: true });
    expect(formatCell("decimal", "12.50")).toEqual({ kind: "text", text: "12.50", numeric: true });
    expect(formatCell("money", 123456)).toEqual({ kind: "text", text: "$1,234.56", numeric: true });
    expect(formatCell("money", "oops")).toEqual({ kind: "text", text: "oops", numeric: true });
    expect(formatCell("text", 5)).toEqual({ kind: "text", text: "5", numeric: false });
  });

  it("formats dates unambiguously", () => {
    expect(formatCellText("date", "2026-03-04")).toBe("2026-03-04");
    expect(formatCellText("datetime", "2026-03-04 10:22:00")).toBe("2026-03-04 10:22");
    expect(formatCellText("datetime", "2026-03-04T10:22:15")).toBe("2026-03-04 10:22:15");
    const local = new Date(Date.UTC(2026, 2, 4, 10, 22));
    const pad = (n: number) => String(n).padStart(2, "0");
    const expected = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
    expect(formatCellText("datetime", "2026-03-04T10:22:00.000Z")).toBe(expected);
    expect(formatCellText("datetime", local)).toBe(expected);
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
