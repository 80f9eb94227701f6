import { describe, expect, it } from "vitest";
import { appDocumentSchema } from "@/lib/app-document";
import { opsDashboardApp } from "@/lib/app-document/demo-apps";
import { FUNCTION_NAMES } from "@/lib/bindings";
import { bindingCandidates, bindingWordAt, completeBinding } from "./binding-completions";

const doc = appDocumentSchema.parse(opsDashboardApp);

describe("binding candidates", () => {
  it("lists names with their outputs, currentUser and the functions", () => {
    const labels = bindingCandidates(doc).map((candidate) => candidate.label);
    expect(labels).toEqual(expect.arrayContaining(["revenuePerDay", "revenuePerDay.data", "revenuePerDay.isLoading", "range.start", "range.end", "topCustomersTable.selectedRows", "currentUser.email", "daysAgo", "pluck"]));
    expect(labels).not.toContain("row");
    expect(labels.filter((label) => FUNCTION_NAMES.has(label)).length).toBe(FUNCTION_NAMES.size);
    expect(bindingCandidates(doc, { row: true }).map((candidate) => candidate.label)).toContain("row");
    expect(bindingCandidates(doc).find((candidate) => candidate.label === "len")?.apply).toBe("len(");
  });

  it("shows each function's signature and what it does", () => {
    const sum = bindingCandidates(doc).find((candidate) => candidate.label === "sum");
    expect(sum?.detail).toContain('sum(rows, "field")');
    expect(sum?.info).toMatch(/^The total of a column of rows.*Example: \{\{ sum\(orders\.data, "total"\) \}\}$/);
    for (const candidate of bindingCandidates(doc).filter((entry) => entry.type === "function")) {
      expect(candidate.detail, candidate.label).toMatch(new RegExp(`^${candidate.label}\\(`));
      expect(candidate.info, candidate.label).toBeTruthy();
    }
  });
});

describe("completing in a field", () => {
  const candidates = bindingCandidates(doc);

  it("finds the word being typed only inside {{ }}", () => {
    expect(bindingWordAt("plain text", 5)).toBeNull();
    expect(bindingWordAt("{{ a }} after", 12)).toBeNull();
    expect(bindingWordAt("x {{ rev", 8)).toEqual({ from: 5, prefix: "rev" });
    expect(bindingWordAt("{{ range.st", 11)).toEqual({ from: 3, prefix: "range.st" });
    expect(bindingWordAt("{{ 'rev", 7)).toBeNull();
    expect(bindingWordAt("{{ ", 3)).toEqual({ from: 3, prefix: "" });
  });

  it("offers names, then the fields of a name after its dot", () => {
    const names = completeBinding("{{ rev", 6, candidates)?.options.map((option) => option.label);
    expect(names).toEqual(["revenuePerDay", "revenuePerDay.data", "revenuePerDay.isLoading", "revenuePerDay.error", "revenueChart"]);
    const fields = completeBinding("{{ range.", 9, candidates);
    expect(fields?.from).toBe(3);
    expect(fields?.options.map((option) => option.label)).toEqual(["range.start", "range.end"]);
    expect(completeBinding("{{ current", 10, candidates)?.options.map((option) => option.label)).toEqual(["currentUser", "currentUser.id", "currentUser.email", "currentUser.name", "currentUser.role"]);
  });
});
