import { describe, expect, it } from "vitest";
import { chartData, fieldLabel, toChartNumber } from "./chart-data";
import { formatStat, statChange } from "./stat-format";
import { asRows, rowKeys } from "./widget-data";

describe("chartData", () => {
  it("coerces numeric text and keeps x as a label", () => {
    const rows = [{ day: "2026-01-01", revenue: "12.50", orders: 3 }, { day: "2026-01-02", revenue: null, orders: "x" }];
    expect(chartData(rows, "day", ["revenue", "orders"])).toEqual({
      rows: [{ day: "2026-01-01", revenue: 12.5, orders: 3 }, { day: "2026-01-02", revenue: null, orders: null }],
      missing: [],
    });
  });
  it("names fields no row has", () => {
    expect(chartData([{ a: 1 }], "a", ["b"]).missing).toEqual(["b"]);
    expect(chartData([], "a", ["b"]).missing).toEqual([]);
  });
  it("reads numbers and labels", () => {
    expect(toChartNumber(" 7 ")).toBe(7);
    expect(toChartNumber("")).toBeNull();
    expect(toChartNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(fieldLabel("total_cents")).toBe("Total cents");
    expect(fieldLabel("spentCents")).toBe("Spent cents");
  });
});

describe("rows", () => {
  it("accepts lists of objects only", () => {
    expect(asRows([{ a: 1 }])).toEqual({ ok: true, rows: [{ a: 1 }] });
    expect(asRows([]).ok).toBe(true);
    expect(asRows([1, 2])).toMatchObject({ ok: false, message: expect.stringContaining("plain values") });
    expect(asRows({ a: 1 })).toMatchObject({ ok: false, message: expect.stringContaining("one object") });
    expect(asRows(null).ok).toBe(false);
    expect(rowKeys([{ a: 1 }, { b: 2, a: 3 }])).toEqual(["a", "b"]);
  });
});

describe("stat format", () => {
  it("formats numbers, money from cents, percent and text", () => {
    expect(formatStat(1234.567, "number")).toBe("1,234.57");
    expect(formatStat("123456", "money")).toBe("$1,234.56");
    expect(formatStat(4.2, "percent")).toBe("4.2%");
    expect(formatStat("ok", "text")).toBe("ok");
    expect(formatStat(null, "number")).toBe("—");
    expect(formatStat("n/a", "number")).toBe("n/a");
  });
  it("colours the change by trend", () => {
    expect(statChange(110, 100, "number", "up-is-good")).toMatchObject({ direction: "up", good: true, text: "+10%" });
    expect(statChange(110, 100, "number", "down-is-good")).toMatchObject({ direction: "up", good: false });
    expect(statChange(90, 100, "number", "down-is-good")).toMatchObject({ direction: "down", good: true, text: "−10%", description: "Down 10% from 100" });
    expect(statChange(5, 0, "money", undefined)).toMatchObject({ good: null, text: "+$0.05" });
    expect(statChange(5, 5, "number", "up-is-good")).toMatchObject({ direction: "flat", good: null });
    expect(statChange(5, null, "number", "up-is-good")).toBeNull();
  });
});
