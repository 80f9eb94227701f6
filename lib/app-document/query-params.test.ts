import { describe, expect, it } from "vitest";
import { browserParams, originOfExpression, sqlExpressions } from "./query-params";

describe("originOfExpression", () => {
  it("server: only currentUser or no names at all; browser: no server name; mixed: both", () => {
    expect(originOfExpression("currentUser.email")).toBe("server");
    expect(originOfExpression("lower(currentUser.email)")).toBe("server");
    expect(originOfExpression("daysAgo(30)")).toBe("server");
    expect(originOfExpression("5")).toBe("server");
    expect(originOfExpression("search.value ?? ''")).toBe("browser");
    expect(originOfExpression("pluck(ordersTable.selectedRows, 'id')")).toBe("browser");
    expect(originOfExpression("currentUser.email + search.value")).toBe("mixed");
  });
});

describe("browserParams", () => {
  it("leaves out what the server binds", () => {
    expect(browserParams({ "currentUser.email": "someone@else.test", "now()": "2020-01-01", "search.value": "x" })).toEqual({ "search.value": "x" });
  });
});

describe("sqlExpressions", () => {
  it("lists distinct trimmed expressions, not array literals", () => {
    expect(sqlExpressions("SELECT {{ a.value }}, {{a.value}}, '{{1,2},{3,4}}', {{ currentUser.id }}")).toEqual(["a.value", "currentUser.id"]);
  });
});
