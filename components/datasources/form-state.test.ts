// The data source form's conversion of the limit fields: the PostgreSQL cost limit (blank = no
// limit, thousands separators accepted) and the affected-rows limit (always required).
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_AFFECTED_ROWS, DEFAULT_MAX_COST, DEFAULT_POLICY, PASSWORD_REQUIRED_MESSAGE } from "@/lib/schemas/datasources";
import { initialFormState, parseLimit, passwordNeeded, toSaveInput, type DatasourceFormState } from "./form-state";

function filled(patch: Partial<DatasourceFormState>): DatasourceFormState {
  return { ...initialFormState(), name: "Sales", database: "sales", user: "rowcraft", password: "secret", ...patch };
}

describe("limit fields", () => {
  it("start from the defaults", () => {
    expect(initialFormState()).toMatchObject({ maxCost: String(DEFAULT_MAX_COST), maxAffectedRows: String(DEFAULT_MAX_AFFECTED_ROWS) });
    expect(initialFormState({ name: "x", connection: { kind: "sqlite", file: "/tmp/x.db" }, policy: { ...DEFAULT_POLICY, maxCost: null } }).maxCost).toBe("");
  });

  it("parse blanks, separators and exponents", () => {
    expect(parseLimit("")).toBeNull();
    expect(parseLimit("  ")).toBeNull();
    expect(parseLimit("100,000,000")).toBe(100_000_000);
    expect(parseLimit("1e8")).toBe(100_000_000);
    expect(parseLimit("2 500")).toBe(2500);
    expect(parseLimit("lots")).toBeNaN();
  });

  it("send a blank cost limit as no limit, and a number as that number", () => {
    const blank = toSaveInput(filled({ maxCost: "" }), undefined);
    expect(blank.ok && blank.input.policy.maxCost).toBeNull();
    const set = toSaveInput(filled({ maxCost: "250,000" }), undefined);
    expect(set.ok && set.input.policy).toMatchObject({ maxCost: 250_000, maxAffectedRows: DEFAULT_MAX_AFFECTED_ROWS });
  });

  it("point errors at the field", () => {
    expect(toSaveInput(filled({ maxCost: "lots" }), undefined)).toEqual({ ok: false, errors: { maxCost: "Enter a number, or leave it blank for no limit." } });
    expect(toSaveInput(filled({ maxCost: "-5" }), undefined)).toEqual({ ok: false, errors: { maxCost: "Enter a positive number, or leave it blank for no limit." } });
    expect(toSaveInput(filled({ maxAffectedRows: "" }), undefined)).toEqual({ ok: false, errors: { maxAffectedRows: "Enter a whole number of rows." } });
    expect(toSaveInput(filled({ maxAffectedRows: "0" }), undefined)).toEqual({ ok: false, errors: { maxAffectedRows: "Allow at least one row." } });
  });
});

describe("port validation", () => {
  it("says what to enter instead of a type error", () => {
    const state = { ...initialFormState(), name: "x", database: "d", user: "u", port: "abc" };
    const result = toSaveInput(state, undefined);
    expect(result.ok ? null : result.errors.port).toBe("Enter a port number (1–65535).");
  });
});

describe("stored password", () => {
  const existing = { name: "Sales", connection: { kind: "postgres" as const, host: "db.acme.test", port: 5432, database: "sales", user: "rowcraft", sslMode: "require" as const, hasPassword: true }, policy: DEFAULT_POLICY };

  it("is kept while the connection details stay the same", () => {
    const result = toSaveInput({ ...initialFormState(existing), name: "Sales (renamed)" }, "ds-1");
    expect(result.ok && result.input.connection).not.toHaveProperty("password");
    expect(passwordNeeded(initialFormState(existing))).toBe(false);
  });

  it.each([["host", "evil.test"], ["port", "6543"], ["database", "other"], ["user", "admin"], ["sslMode", "disable"]] as const)("must be typed again when the %s changes", (field, value) => {
    const state = { ...initialFormState(existing), [field]: value };
    expect(passwordNeeded(state)).toBe(true);
    expect(toSaveInput(state, "ds-1")).toEqual({ ok: false, errors: { password: PASSWORD_REQUIRED_MESSAGE } });
    expect(passwordNeeded({ ...state, password: "typed again" })).toBe(false);
  });
});
