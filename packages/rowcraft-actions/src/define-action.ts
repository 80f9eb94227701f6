/**
 * `defineAction` for services: the same shape as Rowcraft's own actions (name, title, zod input,
 * output, minimum role, danger, target, timeout, mode, run), checked once at definition time so a
 * broken action fails the service's tests rather than an operator's run.
 *
 * Errors: throw `ActionError` with a message for operators; anything else is an internal error —
 * logged by the service, and shown to operators only as "The action failed unexpectedly".
 */
import { z } from "zod";

export const ROLES = ["viewer", "operator", "builder", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** A domain error: the message is shown to the operator as it is, so write it for them. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ActionError";
  }
}

/**
 * What the action acts on, exactly as for Rowcraft's local actions. `source` is a stable
 * kebab-case name ("billing") that Rowcraft maps to one of its connected data sources; row actions
 * name the table and, for each key column of it, the input field that carries it
 * (`{ id: "invoiceId" }`), so builders can bind them only to rows of that table in that source.
 * `rows: false` is for actions on no rows (a form, a report).
 */
export type ActionTarget<Field extends string = string> = { source: string; table: string; key: Readonly<Record<string, Field>> } | { source: string; rows: false };

/**
 * A condition on the rows an action accepts, stated so Rowcraft's UI can check it before running:
 * rows whose `column` holds none of `oneOf` are marked and skipped with `message`. The action
 * must still refuse such rows itself (with an ActionError): this is a courtesy, not a guard.
 */
export interface RowPrecondition {
  column: string;
  oneOf: readonly (string | number | boolean)[];
  message: string;
}

export function isRowTarget(target: ActionTarget): target is Extract<ActionTarget, { table: string }> {
  return "table" in target;
}

export interface ActionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The app and widget the invocation came from (null when run outside an app, e.g. from the workbench). */
export interface InvocationApp {
  id: string;
  version: number | null;
  widget: string | null;
}

/** A pg-like transaction client (node-postgres `PoolClient` fits). */
export interface SqlTx {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

export interface ActionContext {
  user: ActionUser;
  /** Same key ⇒ same intended invocation: a retry, a double click or a reload of the same row. */
  idempotencyKey: string;
  /** Epoch milliseconds after which Rowcraft has given up on this invocation. */
  deadline: number;
  /** Aborted at the deadline. */
  signal: AbortSignal;
  app: InvocationApp | null;
  /** Bulk rows only: the run, the row and which attempt this is. */
  run: { runId: string; rowKey: string; attempt: number } | null;
  /**
   * Runs `work` in one transaction of the service's idempotency store and records the key in the
   * same transaction. A key recorded before ⇒ `work` is not called, the first result is returned.
   * Call it at most once per invocation, with all of the action's writes inside.
   */
  idempotent<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
}

export type ActionInputSchema = z.ZodObject;

interface ActionSpecBase<I extends ActionInputSchema, O> {
  /** kebab-case, unique within the service. */
  name: string;
  title: string;
  description: string;
  input: I;
  output?: z.ZodType<O>;
  minRole: Role;
  danger?: { confirm: string };
  /** Row actions: which rows it accepts, checked by Rowcraft's UI before running. */
  precondition?: RowPrecondition;
  target: ActionTarget<Extract<keyof z.output<I>, string>>;
  timeoutMs: number;
  run(input: z.output<I>, ctx: ActionContext): Promise<O>;
}

export type ActionSpec<I extends ActionInputSchema, O> = ActionSpecBase<I, O> &
  ({ mode: "perRow" } | { mode: "batch"; selectionField: Extract<keyof z.output<I>, string> });

export interface ActionDefinition<I extends ActionInputSchema = ActionInputSchema, O = unknown> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: I;
  readonly output: z.ZodType<O> | null;
  readonly minRole: Role;
  readonly danger: { confirm: string } | null;
  readonly precondition: RowPrecondition | null;
  readonly target: ActionTarget;
  readonly timeoutMs: number;
  readonly mode: "perRow" | "batch";
  readonly selectionField: string | null;
  run(input: z.output<I>, ctx: ActionContext): Promise<O>;
}

export type AnyAction = ActionDefinition<ActionInputSchema, unknown>;

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SOURCE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 600_000;

function invalid(name: string, problem: string): Error {
  return new Error(`Action ${name}: ${problem}`);
}

// The same rules as Rowcraft's own defineAction, so a service's action is refused in its tests, not at registration.
function checkTarget(name: string, target: ActionTarget, input: ActionInputSchema, selectionField: string | null): void {
  if (!SOURCE.test(target.source)) throw invalid(name, `target.source must be a stable kebab-case name for the data source (billing), not "${target.source}".`);
  if (!isRowTarget(target)) {
    if (selectionField) throw invalid(name, "a batch action acts on the selected rows: give its target a table and key.");
    return;
  }
  if (!target.table.trim()) throw invalid(name, "target.table names the table whose rows it changes.");
  const keys = Object.entries(target.key);
  if (keys.length === 0) throw invalid(name, 'target.key maps each key column of the table to the input field that holds it: { id: "invoiceId" }.');
  for (const [column, field] of keys) {
    const schema = input.shape[field];
    if (!schema) throw invalid(name, `target.key.${column} names "${field}", which is not an input field.`);
    if (selectionField) {
      if (keys.length !== 1 || field !== selectionField) throw invalid(name, `a batch action's key is one column, held by its selectionField "${selectionField}".`);
    } else if (schema instanceof z.ZodArray) {
      throw invalid(name, `target.key.${column} names the list "${field}"; a per-row action takes one row's key.`);
    }
  }
}

export function defineAction<I extends ActionInputSchema, O>(spec: ActionSpec<I, O>): ActionDefinition<I, O> {
  const { name } = spec;
  if (!NAME.test(name)) throw invalid(name, "the name must be kebab-case (refund-order).");
  if (!spec.title.trim() || !spec.description.trim()) throw invalid(name, "give it a title and a description for builders.");
  if (!ROLES.includes(spec.minRole)) throw invalid(name, `minRole must be one of ${ROLES.join(", ")}.`);
  if (!Number.isInteger(spec.timeoutMs) || spec.timeoutMs < MIN_TIMEOUT_MS || spec.timeoutMs > MAX_TIMEOUT_MS) {
    throw invalid(name, `timeoutMs must be a whole number from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}.`);
  }
  if (spec.danger && !spec.danger.confirm.trim()) throw invalid(name, "danger.confirm must say what the operator confirms.");
  let selectionField: string | null = null;
  if (spec.mode === "batch") {
    selectionField = spec.selectionField;
    if (!(spec.input.shape[selectionField] instanceof z.ZodArray)) {
      throw invalid(name, `selectionField "${selectionField}" must be an array field of the input (z.array(...)).`);
    }
  }
  checkTarget(name, spec.target, spec.input, selectionField);
  if (spec.precondition) {
    if (!isRowTarget(spec.target)) throw invalid(name, "a precondition is about rows; this action acts on no rows.");
    if (!spec.precondition.column.trim() || spec.precondition.oneOf.length === 0 || !spec.precondition.message.trim()) {
      throw invalid(name, "precondition needs a column, the values it accepts (oneOf) and a message for operators.");
    }
  }
  return {
    name,
    title: spec.title,
    description: spec.description,
    input: spec.input,
    output: spec.output ?? null,
    minRole: spec.minRole,
    danger: spec.danger ?? null,
    precondition: spec.precondition ?? null,
    target: spec.target,
    timeoutMs: spec.timeoutMs,
    mode: spec.mode,
    selectionField,
    run: async (input, ctx) => spec.run(input, ctx),
  };
}
