// The pure half of editable query results: finding the projected table in a schema the way each
// database resolves names, and lining the projection up with the result's columns (by position,
// through the drivers' `_n` renames), with "stale" when the cached schema no longer fits.
import { describe, expect, it } from "vitest";
import type { QueryColumn } from "@/lib/schemas/queries";
import type { SchemaTable } from "@/server/datasources/drivers/types";
import type { ProjectionItem, ReadProjection } from "@/server/sql/guard";
import { describeEditable, findProjectedTable } from "./editable-result";

function table(name: string, columns: string[], primaryKey: string[], schema: string | null = null, kind: SchemaTable["kind"] = "table"): SchemaTable {
  return {
    schema,
    name,
    kind,
    columns: columns.map((column) => ({ name: column, dataType: "text", nullable: true, isPrimaryKey: primaryKey.includes(column), default: null })),
    primaryKey,
    foreignKeys: [],
  };
}

const ORDERS = table("orders", ["id", "note", "total"], ["id"]);
const WRITABLE = { writable: true, display: "orders" };

function projection(items: ProjectionItem[]): ReadProjection {
  return {
    table: { schema: null, name: "orders", display: "orders" },
    columns: items.flatMap((item) => (item.kind === "column" ? [{ output: item.output, source: item.source }] : [])),
    allColumns: items.some((item) => item.kind === "all"),
    items,
  };
}

const col = (output: string, source = output): ProjectionItem => ({ kind: "column", output, source });
const cols = (...names: string[]): QueryColumn[] => names.map((name) => ({ name, dataType: "text" }));
const describe_ = (items: ProjectionItem[], columns: QueryColumn[], options: { dialect?: "postgres" | "mysql" | "sqlite"; table?: SchemaTable; writable?: boolean } = {}) =>
  describeEditable({ dialect: options.dialect ?? "sqlite", projection: projection(items), table: options.table ?? ORDERS, access: { ...WRITABLE, writable: options.writable ?? true }, columns });

describe("describeEditable", () => {
  it("maps renamed columns and leaves the key out of the editable ones", () => {
    expect(describe_([col("id"), col("remark", "note")], cols("id", "remark"))).toEqual({
      table: { schema: null, name: "orders" },
      display: "orders",
      primaryKey: ["id"],
      key: [{ output: "id", source: "id" }],
      columns: [{ output: "remark", source: "note" }],
    });
  });

  it("expands * from the schema and follows the drivers' _n renames by position", () => {
    const result = describe_([{ kind: "all" }, { kind: "expression" }, col("note", "id")], cols("id", "note", "total", "id_2", "note_2"));
    // note_2 shows the key again under another name: the first one addresses the row.
    expect(result).toMatchObject({
      key: [{ output: "id", source: "id" }],
      columns: [
        { output: "note", source: "note" },
        { output: "total", source: "total" },
      ],
    });
  });

  it("is stale when the result has more or other columns than the schema expects", () => {
    expect(describe_([{ kind: "all" }], cols("id", "note", "total", "extra"))).toBe("stale");
    expect(describe_([{ kind: "all" }], cols("id", "comment", "total"))).toBe("stale");
  });

  it("matches names case-insensitively on MySQL and SQLite, exactly on PostgreSQL", () => {
    expect(describe_([col("ID"), col("Note")], cols("id", "Note"), { dialect: "sqlite" })).toMatchObject({ key: [{ output: "id", source: "id" }], columns: [{ output: "Note", source: "note" }] });
    expect(describe_([col("id"), col("Note")], cols("id", "Note"), { dialect: "postgres" })).toBeNull(); // "Note" is not note: nothing editable
  });

  it("is null without the whole key, when nothing is editable, or when the table is not writable", () => {
    expect(describe_([col("note")], cols("note"))).toBeNull();
    expect(describe_([col("id"), { kind: "expression" }], cols("id", "upper"))).toBeNull();
    expect(describe_([col("id"), col("note")], cols("id", "note"), { writable: false })).toBeNull();
    const lines = table("lines", ["order_id", "line", "qty"], ["order_id", "line"]);
    expect(describe_([col("line"), col("qty")], cols("line", "qty"), { table: lines })).toBeNull();
    expect(describe_([col("line"), col("order_id"), col("qty")], cols("line", "order_id", "qty"), { table: lines })).toMatchObject({
      key: [
        { output: "order_id", source: "order_id" },
        { output: "line", source: "line" },
      ],
    });
  });

  it("leaves a column shown twice read-only, and columns the table does not have unmapped", () => {
    expect(describe_([col("id"), col("note"), col("again", "note"), col("total")], cols("id", "note", "again", "total"))).toMatchObject({ columns: [{ output: "total", source: "total" }] });
    expect(describe_([col("id"), col("rowid"), col("note")], cols("id", "rowid", "note"))).toMatchObject({ columns: [{ output: "note", source: "note" }] });
  });
});

describe("findProjectedTable", () => {
  const tables = [table("orders", ["id"], ["id"], "public"), table("orders", ["id"], ["id"], "sales"), table("Items", ["id"], ["id"], "shop")];

  it("PostgreSQL: schema and name exactly", () => {
    expect(findProjectedTable("postgres", tables, { schema: "sales", name: "orders", display: "sales.orders" })?.schema).toBe("sales");
    expect(findProjectedTable("postgres", tables, { schema: "public", name: "Orders", display: "public.Orders" })).toBeNull();
  });

  it("MySQL: the connection's database; exact names first, then a unique case-insensitive match", () => {
    expect(findProjectedTable("mysql", tables, { schema: null, name: "Items", display: "Items" })?.name).toBe("Items");
    expect(findProjectedTable("mysql", tables, { schema: null, name: "items", display: "items" })?.name).toBe("Items");
    expect(findProjectedTable("mysql", tables, { schema: "other", name: "Items", display: "other.Items" })).toBeNull();
  });

  it("SQLite: main only, case-insensitive", () => {
    const sqlite = [table("Orders", ["id"], ["id"])];
    expect(findProjectedTable("sqlite", sqlite, { schema: null, name: "orders", display: "orders" })?.name).toBe("Orders");
    expect(findProjectedTable("sqlite", sqlite, { schema: "aux", name: "orders", display: "aux.orders" })).toBeNull();
  });
});
