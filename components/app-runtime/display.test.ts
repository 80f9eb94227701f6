import { describe, expect, it } from "vitest";
import { opsDashboardApp } from "@/lib/app-document/demo-apps";
import { chartData, chartFormatters, fieldLabel, toChartNumber } from "./chart-data";
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

describe("chartFormatters", () => {
  it("formats the value axis and tooltips with the chart's format", () => {
    const money = chartFormatters({ style: "money", unit: "cents", currency: "USD" }, "en-US");
    expect(money.tick(3198338)).toBe("$32K");
    expect(money.tooltip(3198338)).toBe("$31,983.38");
    // The Ops dashboard's revenue axis reads money, not a raw number.
    const revenue = opsDashboardApp.pages[0]!.widgets.find((widget) => widget.id === "revenueChart");
    const revenueFormat = revenue?.type === "chart" ? revenue.props.format : undefined;
    expect(chartFormatters(revenueFormat, "en-US").tick(31983.38)).toBe("$32K");
    expect(chartFormatters(revenueFormat, "en-US").tooltip(31983.38)).toBe("$31,983.38");
    const plain = chartFormatters(undefined, "en-US");
    expect(plain.tick(1500)).toBe("1.5K");
    expect(plain.tooltip(1500.5)).toBe("1,500.5");
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
  it("shows money in the unit the format says, so a total in dollars is not divided by 100", () => {
    expect(formatStat(31983.38, { style: "money", unit: "units", currency: "USD" }, "en-US")).toBe("$31,983.38");
    expect(formatStat(3198338, { style: "money", unit: "cents", currency: "USD" }, "en-US")).toBe("$31,983.38");
    expect(formatStat(1050, { style: "money", unit: "cents", currency: "EUR" }, "en-US")).toBe("€10.50");
    expect(formatStat(0.042, { style: "percent", of: 1 }, "en-US")).toBe("4.2%");
    expect(statChange(5, 0, { style: "money", unit: "units", currency: "USD" }, undefined, "en-US")).toMatchObject({ text: "+$5.00" });
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
