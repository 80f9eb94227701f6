import { describe, expect, it } from "vitest";
import { mapPosition } from "@/server/queries/map-position";

describe("mapPosition", () => {
  const user = "SELECT * FROM t WHERE a = {{ first.value }} AND b = {{x}} AND bogus";
  const executed = "SELECT * FROM t WHERE a = $1 AND b = $2 AND bogus";

  it("keeps offsets before any template", () => {
    expect(mapPosition(user, executed, 7)).toBe(7);
  });
  it("maps an offset inside a placeholder to the template start", () => {
    expect(mapPosition(user, executed, executed.indexOf("$2") + 1)).toBe(user.indexOf("{{x}}"));
  });
  it("shifts offsets after templates by their length difference", () => {
    expect(mapPosition(user, executed, executed.indexOf("bogus"))).toBe(user.indexOf("bogus"));
  });
  it("works with ? placeholders", () => {
    const mysql = "SELECT * FROM t WHERE a = ? AND b = ? AND bogus";
    expect(mapPosition(user, mysql, mysql.indexOf("bogus"))).toBe(user.indexOf("bogus"));
  });
});
