/**
 * Where a write's foreign-key actions reach. The guard checks the one table a write names, but
 * the database also changes others on its own: `DELETE FROM orders` deletes `order_items` rows
 * through ON DELETE CASCADE, sets columns through SET NULL / SET DEFAULT, and those changes set
 * off the next tables' actions in turn. This follows them transitively from the database's own
 * foreign-key metadata, so a write is refused when any table it would reach is not writable
 * under the policy, and a preview can say which tables the write also changes.
 */
import type { DataSource } from "@/generated/prisma/client";
import type { Policy } from "@/lib/schemas/datasources";
import { dialectOf } from "@/lib/sql/dialects";
import { getDriver } from "@/server/datasources/drivers/registry";
import type { Driver } from "@/server/datasources/drivers/types";
import { openConnection, toDatasourceSummary } from "@/server/datasources/stored-datasource";
import { tablePolicyOf } from "@/server/queries/execute-guarded";
import { readForeignKeyActions, type ForeignKeyEdge, type TableName } from "@/server/datasources/introspection/foreign-key-actions";
import { isWritable, resolveTable } from "@/server/sql/policy";
import type { Dialect, GuardError, GuardOk, TablePolicy } from "@/server/sql/types";

export type WriteEffect = "delete" | "update";

export interface CascadeStep {
  table: TableName;
  /** As users write it (PostgreSQL schema.table; MySQL table in the source's database). */
  display: string;
  /** E.g. "ON DELETE CASCADE from public.orders". */
  via: string;
  effect: WriteEffect;
}

/**
 * What a write does to its target's rows, as foreign keys see it. A plain INSERT sets off no
 * action; an upsert may update (ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE) and a REPLACE
 * deletes the row it replaces. Read from the text, so a literal that merely contains those words
 * can only make the check stricter.
 */
export function effectsOf(guarded: Pick<GuardOk, "kind" | "sql">): WriteEffect[] {
  if (guarded.kind === "delete") return ["delete"];
  if (guarded.kind === "update") return ["update"];
  if (guarded.kind !== "insert") return [];
  const effects: WriteEffect[] = [];
  if (/\bON\s+(CONFLICT|DUPLICATE)\b/i.test(guarded.sql)) effects.push("update");
  if (/\bREPLACE\b/i.test(guarded.sql)) effects.push("delete", "update");
  return effects;
}

interface Naming {
  dialect: Dialect;
  /** MySQL: the source's database, which unqualified names mean. */
  database: string | null;
}

function normalized(naming: Naming, table: TableName): TableName {
  if (naming.dialect === "postgres") return { schema: table.schema ?? "public", name: table.name };
  if (naming.dialect === "mysql") return { schema: table.schema ?? naming.database, name: table.name };
  return { schema: null, name: table.name };
}

/** MySQL and SQLite compare case-insensitively here: matching more can only refuse more. */
function sameTable(naming: Naming, a: TableName, b: TableName): boolean {
  if (naming.dialect === "postgres") return a.schema === b.schema && a.name === b.name;
  const fold = (value: string | null) => value?.toLowerCase() ?? null;
  return fold(a.schema) === fold(b.schema) && fold(a.name) === fold(b.name);
}

function displayOf(naming: Naming, table: TableName): string {
  if (naming.dialect === "sqlite" || (naming.dialect === "mysql" && table.schema === naming.database)) return table.name;
  return `${table.schema ?? ""}.${table.name}`;
}

const FIRES: ReadonlySet<string> = new Set(["CASCADE", "SET NULL", "SET DEFAULT"]);

/**
 * Every table the write's effects reach through foreign-key actions, transitively. ON UPDATE
 * actions are assumed to fire on any update of the parent (they fire only when a referenced
 * column changes, which the metadata alone cannot tell): that can only refuse more.
 */
export function cascadeReach(edges: readonly ForeignKeyEdge[], target: TableName, effects: readonly WriteEffect[], naming: Naming): CascadeStep[] {
  const steps: CascadeStep[] = [];
  const seen = new Set<string>();
  const keyOf = (table: TableName, effect: WriteEffect) => JSON.stringify([naming.dialect === "postgres" ? table.schema : table.schema?.toLowerCase(), naming.dialect === "postgres" ? table.name : table.name.toLowerCase(), effect]);
  const start = normalized(naming, target);
  const queue = effects.map((effect) => ({ table: start, effect }));
  for (const item of queue) seen.add(keyOf(item.table, item.effect));
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current) break;
    for (const edge of edges) {
      if (!sameTable(naming, normalized(naming, edge.parent), current.table)) continue;
      const action = current.effect === "delete" ? edge.onDelete : edge.onUpdate;
      if (!FIRES.has(action)) continue;
      const child = normalized(naming, edge.child);
      const effect: WriteEffect = current.effect === "delete" && action === "CASCADE" ? "delete" : "update";
      const key = keyOf(child, effect);
      if (seen.has(key)) continue;
      seen.add(key);
      steps.push({ table: child, display: displayOf(naming, child), via: `ON ${current.effect.toUpperCase()} ${action} from ${displayOf(naming, current.table)}`, effect });
      queue.push({ table: child, effect });
    }
  }
  return steps;
}

function writable(naming: Naming, policy: TablePolicy, table: TableName): boolean {
  const { dialect } = naming;
  const check = (ref: TableName) => isWritable(dialect, policy, resolveTable(dialect, ref));
  if (dialect === "mysql" && table.schema !== null && table.schema === naming.database) return check({ schema: null, name: table.name }) || check(table);
  return check(table);
}

export interface CascadeCheck {
  steps: CascadeStep[];
  /** Set when a step reaches a table the policy does not let queries write. */
  refusal: GuardError | null;
}

/** Reads the source's foreign keys and decides whether the guarded write may run. */
export async function checkCascades(options: {
  driver: Driver;
  dialect: Dialect;
  policy: Pick<Policy, "statementTimeoutMs">;
  tablePolicy: TablePolicy;
  database: string | null;
  guarded: GuardOk;
  signal?: AbortSignal;
}): Promise<CascadeCheck> {
  const { guarded } = options;
  const effects = effectsOf(guarded);
  if (!guarded.writeTarget || effects.length === 0) return { steps: [], refusal: null };
  const naming: Naming = { dialect: options.dialect, database: options.database };
  const edges = await readForeignKeyActions(options.driver, { timeoutMs: options.policy.statementTimeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
  return decide(edges, guarded, naming, options.tablePolicy);
}

function decide(edges: readonly ForeignKeyEdge[], guarded: GuardOk, naming: Naming, tablePolicy: TablePolicy): CascadeCheck {
  if (!guarded.writeTarget) return { steps: [], refusal: null };
  const steps = cascadeReach(edges, guarded.writeTarget, effectsOf(guarded), naming);
  const blocked = steps.find((step) => !writable(naming, tablePolicy, step.table));
  if (!blocked) return { steps, refusal: null };
  const target = displayOf(naming, normalized(naming, guarded.writeTarget));
  const change = blocked.effect === "delete" ? "delete rows of" : "change rows of";
  return {
    steps,
    refusal: {
      code: "table_not_writable",
      message: `This write to ${target} would also ${change} ${blocked.display} through a foreign key (${blocked.via}), and ${blocked.display} is not writable under this data source's policy, so nothing was run. Change or remove those rows first, or ask an admin to make ${blocked.display} writable.`,
      position: null,
    },
  };
}

/**
 * For callers that run several guarded writes on one source (the table editor's batch): the
 * first refusal among them, reading the foreign keys once. Internal, so not run as a person.
 */
export async function firstCascadeRefusal(options: { row: DataSource; guarded: readonly GuardOk[] }): Promise<GuardError | null> {
  const writes = options.guarded.filter((guarded) => effectsOf(guarded).length > 0 && guarded.writeTarget);
  if (writes.length === 0) return null;
  const connection = openConnection(options.row);
  const source = toDatasourceSummary(options.row);
  const driver = getDriver(options.row.id, connection, options.row.updatedAt);
  const dialect = dialectOf(source.kind);
  const naming: Naming = { dialect, database: connection.kind === "mysql" ? connection.database : null };
  const edges = await readForeignKeyActions(driver, { timeoutMs: source.policy.statementTimeoutMs });
  for (const guarded of writes) {
    const check = decide(edges, guarded, naming, tablePolicyOf(source.policy));
    if (check.refusal) return check.refusal;
  }
  return null;
}

/** Preview notes: which tables the write also changes, and how. */
export function cascadeNotes(steps: readonly CascadeStep[]): string[] {
  return steps.map((step) => `Foreign keys also ${step.effect === "delete" ? "delete rows of" : "change rows of"} ${step.display} (${step.via}).`);
}
