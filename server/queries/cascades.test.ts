/** Where foreign-key actions reach, from metadata alone: transitive, per action, per dialect naming. */
import { describe, expect, it } from "vitest";
import type { ForeignKeyEdge } from "@/server/datasources/introspection/foreign-key-actions";
import { cascadeReach, effectsOf } from "./cascades";

const edge = (child: string, parent: string, onDelete: ForeignKeyEdge["onDelete"], onUpdate: ForeignKeyEdge["onUpdate"] = "NO ACTION", schema: string | null = "public"): ForeignKeyEdge => ({
  child: { schema, name: child },
  parent: { schema, name: parent },
  onDelete,
  onUpdate,
});

const pg = { dialect: "postgres" as const, database: null };

describe("cascadeReach", () => {
  const edges = [edge("items", "orders", "CASCADE"), edge("notes", "items", "SET NULL"), edge("audit", "notes", "CASCADE", "CASCADE"), edge("shipments", "orders", "RESTRICT")];

  it("follows deletes through CASCADE and turns SET NULL into an update of the child, then follows ON UPDATE actions", () => {
    const steps = cascadeReach(edges, { schema: null, name: "orders" }, ["delete"], pg);
    expect(steps.map((s) => [s.display, s.effect, s.via])).toEqual([
      ["public.items", "delete", "ON DELETE CASCADE from public.orders"],
      ["public.notes", "update", "ON DELETE SET NULL from public.items"],
      ["public.audit", "update", "ON UPDATE CASCADE from public.notes"],
    ]);
  });

  it("reaches nothing through NO ACTION or RESTRICT, and updates only through ON UPDATE actions", () => {
    expect(cascadeReach(edges, { schema: "public", name: "orders" }, ["update"], pg)).toEqual([]);
    expect(cascadeReach(edges, { schema: "public", name: "shipments" }, ["delete"], pg)).toEqual([]);
  });

  it("stops on cycles", () => {
    const cyclic = [edge("a", "b", "CASCADE"), edge("b", "a", "CASCADE")];
    expect(cascadeReach(cyclic, { schema: null, name: "a" }, ["delete"], pg).map((s) => s.display)).toEqual(["public.b"]);
  });

  it("matches MySQL names in the source's database case-insensitively and shows them unqualified", () => {
    const mysqlEdges = [edge("Items", "orders", "CASCADE", "NO ACTION", "ops"), edge("log", "orders", "CASCADE", "NO ACTION", "other")];
    const steps = cascadeReach(mysqlEdges, { schema: null, name: "ORDERS" }, ["delete"], { dialect: "mysql", database: "ops" });
    expect(steps.map((s) => s.display)).toEqual(["Items"]);
  });
});

describe("effectsOf", () => {
  it("knows which writes set foreign-key actions off", () => {
    expect(effectsOf({ kind: "delete", sql: "DELETE FROM t WHERE id = 1" })).toEqual(["delete"]);
    expect(effectsOf({ kind: "update", sql: "UPDATE t SET a = 1 WHERE id = 1" })).toEqual(["update"]);
    expect(effectsOf({ kind: "insert", sql: "INSERT INTO t (id) VALUES (1)" })).toEqual([]);
    expect(effectsOf({ kind: "insert", sql: "INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 2" })).toEqual(["update"]);
    expect(effectsOf({ kind: "insert", sql: "REPLACE INTO t (id) VALUES (1)" })).toEqual(["delete", "update"]);
  });
});
