import { describe, expect, it } from "vitest";
import { optionsToText, textToOptions } from "./select-options";

describe("static select options as text", () => {
  it("round-trips value=Label lines", () => {
    const items = [{ value: "paid", label: "Paid" }, { value: "open", label: "open" }];
    expect(optionsToText(items)).toBe("paid=Paid\nopen");
    expect(textToOptions("paid=Paid\n\n open \nx = Y=Z")).toEqual([{ value: "paid", label: "Paid" }, { value: "open", label: "open" }, { value: "x", label: "Y=Z" }]);
  });
});
