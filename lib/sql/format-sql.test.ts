import { describe, expect, it } from "vitest";
import { formatSql } from "@/lib/sql/format-sql";

describe("formatSql", () => {
  it("formats and keeps templates whole", () => {
    const formatted = formatSql("select id, name from customers where country = {{ country.value }} and id > {{minId}}", "postgres");
    expect(formatted).toContain("{{ country.value }}");
    expect(formatted).toContain("{{minId}}");
    expect(formatted).toMatch(/^SELECT\n/);
    expect(formatted).toContain("\nFROM\n  customers\nWHERE\n");
  });

  it("uses each dialect's syntax", () => {
    expect(formatSql("select `order` from t limit 5", "mysql")).toContain("`order`");
    expect(formatSql("select \"order\" from t", "sqlite")).toContain('"order"');
  });

  it("throws on input it cannot tokenise, so the caller can keep the text", () => {
    expect(() => formatSql("select 'unterminated", "postgres")).toThrow();
  });
});
