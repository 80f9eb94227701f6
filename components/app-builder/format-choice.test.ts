import { describe, expect, it } from "vitest";
import { choiceOf, formatForChoice, numberFormatOf, parseDecimals } from "./format-choice";

describe("format picker", () => {
  it("shows a legacy word as what it means", () => {
    expect(choiceOf("money")).toBe("money");
    expect(numberFormatOf("money")).toEqual({ style: "money", unit: "cents", currency: "USD" });
    expect(numberFormatOf("percent")).toEqual({ style: "percent", of: 100 });
    expect(numberFormatOf("date")).toBeNull();
    expect(choiceOf(undefined)).toBe("");
  });

  it("writes explicit formats that say their unit", () => {
    expect(formatForChoice("money", undefined)).toEqual({ style: "money", unit: "cents", currency: "USD" });
    // A legacy "money" becomes the same meaning, explicit.
    expect(formatForChoice("money", "money")).toEqual({ style: "money", unit: "cents", currency: "USD" });
    expect(formatForChoice("percent", { style: "number", decimals: 1 })).toEqual({ style: "percent", of: 1, decimals: 1 });
    expect(formatForChoice("datetime", { style: "number" })).toBe("datetime");
    expect(formatForChoice("", "money")).toBeUndefined();
  });

  it("reads decimals", () => {
    expect(parseDecimals("")).toBeUndefined();
    expect(parseDecimals("2")).toBe(2);
    expect(parseDecimals("9")).toBeNull();
    expect(parseDecimals("1.5")).toBeNull();
  });
});
