import { describe, expect, it } from "vitest";
import { parseParamText, templateExpressions } from "./template-params";

describe("templateExpressions", () => {
  it("lists each trimmed expression once, in order", () => {
    expect(templateExpressions("select {{ a }}, {{b.c}} where x = {{a}}")).toEqual(["a", "b.c"]);
  });
});

describe("parseParamText", () => {
  it("binds JSON primitives and arrays with their type", () => {
    expect(parseParamText("42")).toBe(42);
    expect(parseParamText("true")).toBe(true);
    expect(parseParamText("null")).toBeNull();
    expect(parseParamText('["a", 1]')).toEqual(["a", 1]);
  });
  it("keeps everything else as text, including objects and O'Brien", () => {
    expect(parseParamText("O'Brien")).toBe("O'Brien");
    expect(parseParamText('{"a":1}')).toBe('{"a":1}');
    expect(parseParamText("")).toBe("");
  });
});
