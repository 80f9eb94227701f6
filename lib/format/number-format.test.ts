import { describe, expect, it } from "vitest";
import { describeExample, formatNumber, numberFormatSchema, resolveNumberFormat, type NumberFormat } from "./number-format";

const en = { locale: "en-US" };
const money = (extra: Partial<Extract<NumberFormat, { style: "money" }>> = {}): NumberFormat => ({ style: "money", unit: "cents", currency: "USD", ...extra });

describe("formatNumber: money says its unit", () => {
  it("reads cents as cents and units as units", () => {
    expect(formatNumber(1234, money(), en)).toBe("$12.34");
    expect(formatNumber(1234, money({ unit: "units" }), en)).toBe("$1,234.00");
    // The case: a real total of $31,983.38 must not show as $319.83.
    expect(formatNumber(31983.38, money({ unit: "units" }), en)).toBe("$31,983.38");
    expect(formatNumber(3198338, money(), en)).toBe("$31,983.38");
  });

  it("is exact for int8 cents given as text and for negative amounts", () => {
    expect(formatNumber("12345678901234567", money(), en)).toBe("$123,456,789,012,345.67");
    expect(formatNumber(-5, money(), en)).toBe("-$0.05");
    expect(formatNumber(BigInt(7), money(), en)).toBe("$0.07");
  });

  it("takes the currency from a column of the row, falling back to the fixed one", () => {
    const format = money({ currency: "USD", currencyColumn: "currency" });
    expect(formatNumber(1050, format, { ...en, row: { currency: "EUR" } })).toBe("€10.50");
    expect(formatNumber(1050, format, { ...en, row: { currency: "eur" } })).toBe("€10.50");
    expect(formatNumber(1050, format, { ...en, row: { currency: null } })).toBe("$10.50");
    expect(formatNumber(1050, money({ currency: "GBP" }), en)).toBe("£10.50");
  });

  it("honours decimals and compact notation", () => {
    expect(formatNumber(123456, money({ decimals: 0 }), en)).toBe("$1,235");
    expect(formatNumber(3198338, money({ compact: true }), en)).toBe("$32K");
    expect(formatNumber(3198338, money(), { ...en, compact: true })).toBe("$32K");
  });
});

describe("formatNumber: percent of 1 or of 100", () => {
  it("reads a fraction of 1 and a value out of 100", () => {
    expect(formatNumber(0.125, { style: "percent", of: 1 }, en)).toBe("12.5%");
    expect(formatNumber(12.5, { style: "percent", of: 100 }, en)).toBe("12.5%");
    expect(formatNumber("4.2", { style: "percent", of: 100, decimals: 2 }, en)).toBe("4.20%");
  });
});

describe("formatNumber: plain numbers", () => {
  it("groups, rounds to the decimals and compacts", () => {
    expect(formatNumber(1234.567, { style: "number" }, en)).toBe("1,234.57");
    expect(formatNumber("12.50", { style: "number", decimals: 2 }, en)).toBe("12.50");
    expect(formatNumber(1_500_000, { style: "number", compact: true }, en)).toBe("1.5M");
    expect(formatNumber(1e21, { style: "number" }, en)).toBe("1,000,000,000,000,000,000,000");
  });

  it("leaves what is not a number to the caller", () => {
    expect(formatNumber(null, { style: "number" }, en)).toBeNull();
    expect(formatNumber("n/a", money(), en)).toBeNull();
    expect(formatNumber(Number.NaN, { style: "number" }, en)).toBeNull();
  });
});

describe("legacy format words", () => {
  it("keep their old meaning: money is cents in USD, percent is out of 100", () => {
    expect(resolveNumberFormat("money")).toEqual({ style: "money", unit: "cents", currency: "USD" });
    expect(resolveNumberFormat("percent")).toEqual({ style: "percent", of: 100 });
    expect(resolveNumberFormat("number")).toEqual({ style: "number" });
    expect(formatNumber(123456, resolveNumberFormat("money"), en)).toBe("$1,234.56");
  });

  it("fills defaults of explicit formats and refuses a bad currency", () => {
    expect(resolveNumberFormat({ style: "money", unit: "units" })).toEqual({ style: "money", unit: "units", currency: "USD" });
    expect(numberFormatSchema.safeParse({ style: "money", unit: "units", currency: "dollars" }).success).toBe(false);
    expect(numberFormatSchema.safeParse({ style: "money" }).success).toBe(false);
  });
});

describe("describeExample", () => {
  it("shows a stored value and what it reads as", () => {
    expect(describeExample(money(), "en-US")).toBe("123456 shows as $1,234.56");
    expect(describeExample(money({ unit: "units" }), "en-US")).toBe("1234.56 shows as $1,234.56");
    expect(describeExample({ style: "percent", of: 1 }, "en-US")).toBe("0.125 shows as 12.5%");
  });
});
