import { describe, expect, it } from "vitest";
import { keyToCommand } from "./grid-commands";
import { readOnlyHint } from "./read-only-hint";
import type { GridColumn } from "./types";

const columns: GridColumn[] = [
  { id: "id", name: "id", dataType: "int4", type: "integer", editable: false, readOnlyReason: "it is the row's primary key" },
  { id: "notes", name: "notes", dataType: "text", type: "text", editable: true },
  { id: "total", name: "total", dataType: "int4", type: "integer", editable: false },
];
const at = (left: number, right = left) => ({ anchor: { row: 0, col: left }, focus: { row: 2, col: right } });

describe("readOnlyHint", () => {
  it("names the read-only column and why", () => {
    expect(readOnlyHint(columns, at(0), true)).toBe("id is read-only: it is the row's primary key.");
    expect(readOnlyHint(columns, at(2), true)).toBe("total is read-only: it cannot be edited here.");
    expect(readOnlyHint(columns, at(1, 2), true)).toBe("total is read-only: it cannot be edited here.");
  });

  it("is silent when every column of the range can be edited, and says so for a read-only grid", () => {
    expect(readOnlyHint(columns, at(1), true)).toBeNull();
    expect(readOnlyHint(columns, at(1), false)).toBe("notes is read-only: this table cannot be edited here.");
  });
});

describe("Ctrl/Cmd+X", () => {
  it("is the cut command", () => {
    const press = { key: "x", ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };
    expect(keyToCommand(press)).toEqual({ kind: "cut" });
    expect(keyToCommand({ ...press, ctrlKey: false, metaKey: true })).toEqual({ kind: "cut" });
  });
});
