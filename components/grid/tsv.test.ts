import { describe, expect, it } from "vitest";
import { copyRange, parseTsv, toTsv } from "./tsv";
import { EMPTY_EDITS, stageEdits } from "./grid-edits";
import type { GridColumn, GridRow } from "./types";

const columns: GridColumn[] = [
  { id: "id", name: "id", dataType: "int4", type: "integer", editable: false },
  { id: "note", name: "note", dataType: "text", type: "text", editable: true },
  { id: "total_cents", name: "total_cents", dataType: "int4", type: "money", editable: true },
  { id: "paid", name: "paid", dataType: "bool", type: "boolean", editable: true },
];
const rows: GridRow[] = [
  { id: 1, note: "plain", total_cents: 123450, paid: true },
  { id: 2, note: 'says "hi"\tand\nmore', total_cents: null, paid: false },
];

describe("copyRange", () => {
  it("writes TSV with edit texts, quoting cells with tabs, line breaks or quotes", () => {
    const tsv = copyRange(rows, columns, { anchor: { row: 0, col: 0 }, focus: { row: 1, col: 3 } });
    expect(tsv).toBe('1\tplain\t1234.50\ttrue\n2\t"says ""hi""\tand\nmore"\t\tfalse');
  });

  it("copies only the range, in any anchor corner", () => {
    expect(copyRange(rows, columns, { anchor: { row: 1, col: 3 }, focus: { row: 0, col: 2 } })).toBe("1234.50\ttrue\n\tfalse");
  });

  it("copies staged values, and the raw text of invalid ones", () => {
    const staged = stageEdits(EMPTY_EDITS, [
      { rowId: "1", columnId: "note", before: "plain", after: "edited" },
      { rowId: "1", columnId: "total_cents", before: 123450, after: "12,3", error: "Enter an amount" },
    ]).staged;
    const tsv = copyRange(rows, columns, { anchor: { row: 0, col: 1 }, focus: { row: 0, col: 2 } }, { staged, getRowId: (row) => String(row.id) });
    expect(tsv).toBe("edited\t12,3");
  });

  it("copies rows that are not loaded as empty cells", () => {
    expect(copyRange([undefined, rows[0]], columns, { anchor: { row: 0, col: 0 }, focus: { row: 1, col: 1 } })).toBe("\t\n1\tplain");
  });
});

describe("parseTsv", () => {
  it("splits cells and rows, accepting CRLF, LF and CR", () => {
    expect(parseTsv("a\tb\nc\td")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseTsv("a\tb\r\nc\td\r\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseTsv("a\rb")).toEqual([["a"], ["b"]]);
  });

  it("drops one trailing line break but keeps empty cells", () => {
    expect(parseTsv("a\t\t\n")).toEqual([["a", "", ""]]);
    expect(parseTsv("\n")).toEqual([[""]]);
    expect(parseTsv("")).toEqual([]);
    expect(parseTsv("a\n\nb")).toEqual([["a"], [""], ["b"]]);
  });

  it("reads quoted cells with tabs, line breaks and doubled quotes", () => {
    expect(parseTsv('"says ""hi""\tand\nmore"\tx')).toEqual([['says "hi"\tand\nmore', "x"]]);
    expect(parseTsv('"a"\n"b"')).toEqual([["a"], ["b"]]);
  });

  it("keeps quotes that do not open a cell, and unmatched quotes, as text", () => {
    expect(parseTsv('5" screen\tx')).toEqual([['5" screen', "x"]]);
    expect(parseTsv('"open\tx')).toEqual([['"open', "x"]]);
  });

  it("round-trips toTsv", () => {
    const matrix = [["a\tb", 'q"uote', ""], ["line\nbreak", "\r", "z"]];
    expect(parseTsv(toTsv(matrix))).toEqual(matrix);
  });
});
