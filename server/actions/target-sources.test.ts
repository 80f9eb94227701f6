// Mapping an action's stable target name to a connected data source.
import { describe, expect, it } from "vitest";
import { parseTargetMap, resolveTargetSource, stableNameOf } from "./target-sources";

describe("resolveTargetSource", () => {
  const sources = ["Acme Ops", "Billing (EU)", "billing-eu", "Pagila"];

  it("finds the source with that name, or the one that reads the same", () => {
    expect(stableNameOf("Acme Ops")).toBe("acme-ops");
    expect(resolveTargetSource("acme-ops", sources, new Map())).toEqual({ ok: true, datasource: "Acme Ops" });
    expect(resolveTargetSource("Pagila", sources, new Map())).toEqual({ ok: true, datasource: "Pagila" });
    expect(resolveTargetSource("billing-eu", sources, new Map())).toEqual({ ok: true, datasource: "billing-eu" });
  });

  it("follows the admin's mapping, and refuses what it cannot decide", () => {
    const map = parseTargetMap("acme-ops = Pagila; crm=CRM\n bad");
    expect([...map]).toEqual([["acme-ops", "Pagila"], ["crm", "CRM"]]);
    expect(resolveTargetSource("acme-ops", sources, map)).toEqual({ ok: true, datasource: "Pagila" });
    expect(resolveTargetSource("crm", sources, map)).toMatchObject({ ok: false, message: expect.stringContaining('"CRM" (ROWCRAFT_ACTION_SOURCES), which is not connected') as string });
    expect(resolveTargetSource("helpdesk", sources, map)).toMatchObject({ ok: false, message: expect.stringContaining('No data source is connected for "helpdesk"') as string });
    expect(resolveTargetSource("billing-eu", ["Billing (EU)", "Billing EU"], new Map())).toMatchObject({ ok: false, message: expect.stringContaining("could be") as string });
  });
});
