/**
 * The helper every engineer-owned action is written with, and what an action may use while it
 * runs. `defineAction` checks the definition once, at import time, so a broken action fails the
 * unit tests (registry.test.ts) rather than an operator's run.
 *
 * Errors: throw `ActionError` with a message for operators ("Order 123 is cancelled…"); anything
 * else is an internal error — logged, and shown to the user as "The action failed unexpectedly".
 */
import { z } from "zod";
import type { Role } from "@/lib/roles";
import type { FailureKind } from "@/lib/schemas/actions";
import type { ActionDatabase, ActionTx } from "./databases/types";

/** A domain error: the message is shown to the operator as it is, so write it for them. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ActionError";
  }
}

/**
 * An outcome of a given kind whose message is shown as it is — for actions that run elsewhere
 * (remote actions: "the service is not reachable…"), where the kind is decided by someone else.
 */
export class ActionFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = "ActionFailure";
  }
}

/** A result that was not produced now but replayed from an earlier invocation with the same key (remote actions). */
export class ReplayedResult {
  constructor(readonly value: unknown) {}
}

/** The app (and widget) an invocation was started from; null when a builder ran it directly. */
export interface InvocationApp {
  id: string;
  name?: string;
  version: number;
  widgetId: string;
}

/** Where a bulk row's invocation comes from; null for single runs. */
export interface InvocationRun {
  runId: string;
  rowKey: string;
  attempt: number;
}

export interface ActionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ActionContext {
  user: ActionUser;
  /** Same key ⇒ same intended invocation: a retry, a double click or a reload of the same row. */
  idempotencyKey: string;
  /** Aborted when the action's timeout passes; transactions then roll back at their next step. */
  signal: AbortSignal;
  /** Epoch milliseconds at which the timeout passes. */
  deadline: number;
  /** The bulk run row this invocation is (null for a single run). */
  run: InvocationRun | null;
  /** The app and widget it was started from (null: run directly by a builder). */
  app: InvocationApp | null;
  /**
   * An engineer-side handle on a data source (bound parameters, one transaction at a time):
   * without a name, the action's target source; a name is resolved like a target's source.
   */
  datasource(name?: string): Promise<ActionDatabase>;
  /**
   * Runs `work` in one transaction of `database` and records the idempotency key in the same
   * transaction (table action_idempotency in that database). If the key was recorded before,
   * `work` is not called and the first result is returned instead. Call it at most once per
   * invocation; throwing (an ActionError) rolls everything back and records nothing.
   */
  idempotent<T>(database: ActionDatabase, work: (tx: ActionTx) => Promise<T>): Promise<T>;
}

export type ActionInputSchema = z.ZodObject;

/**
 * What an action acts on. `source` is a stable name (kebab-case) that this Rowcraft maps to a
 * connected data source (by default the source whose name reads the same: "acme-ops" ⇐
 * "Acme Ops"; see target-sources.ts). Row actions name the table and, for each key column of
 * it, the input field that carries it: builders may bind them only to rows of that table in
 * that source, and the server checks every row is one the operator's app shows.
 */
export type ActionTarget<Field extends string = string> =
  | { source: string; table: string; key: Readonly<Record<string, Field>> }
  | { source: string; rows: false };

/**
 * A condition on the rows an action accepts, stated so the UI can check it before running:
 * rows whose `column` holds none of `oneOf` are marked and skipped with `message`. The action
 * must still refuse such rows itself (with an ActionError): this is a courtesy, not a guard.
 */
export interface RowPrecondition {
  column: string;
  oneOf: readonly (string | number | boolean)[];
  /** Why the other rows are skipped, for operators: "Only paid, shipped or delivered orders can be refunded." */
  message: string;
}

export function isRowTarget(target: ActionTarget): target is Extract<ActionTarget, { table: string }> {
  return "table" in target;
}
export type ActionMode = "perRow" | "batch";

interface ActionSpecBase<I extends ActionInputSchema, O> {
  /** kebab-case, unique: what builders bind to and what the audit log records. */
  name: string;
  title: string;
  /** One or two sentences for builders: what it changes, and when it refuses. */
  description: string;
  /** What it acts on: the source, and for row actions the table and the input fields holding its key. */
  target: ActionTarget<Extract<keyof z.output<I>, string>>;
  input: I;
  /** Checked on every result; a mismatch is an internal error (a bug in the action). */
  output?: z.ZodType<O>;
  minRole: Role;
  /** Operators confirm before it runs; the UI shows this text with the action and row count. */
  danger?: { confirm: string };
  /** Row actions: which rows it accepts, checked by the UI before running (see RowPrecondition). */
  precondition?: RowPrecondition;
  timeoutMs: number;
  run(input: z.output<I>, ctx: ActionContext): Promise<O>;
}

/** perRow: one invocation per selected row. batch: one invocation, `selectionField` (an array) takes the whole selection. */
export type ActionSpec<I extends ActionInputSchema, O> = ActionSpecBase<I, O> &
  ({ mode: "perRow" } | { mode: "batch"; selectionField: Extract<keyof z.output<I>, string> });

export interface ActionDefinition<I extends ActionInputSchema = ActionInputSchema, O = unknown> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly target: ActionTarget;
  readonly input: I;
  readonly output: z.ZodType<O> | null;
  readonly minRole: Role;
  readonly danger: { confirm: string } | null;
  readonly precondition: RowPrecondition | null;
  readonly timeoutMs: number;
  readonly mode: ActionMode;
  readonly selectionField: string | null;
  /** The action service that runs it (remote actions, server/action-services); absent for local actions. */
  readonly service?: string;
  run(input: z.output<I>, ctx: ActionContext): Promise<O>;
}

export type AnyAction = ActionDefinition<ActionInputSchema, unknown>;

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Marks what defineAction made, so the registry can pick actions out of a module's exports. */
const ACTION_BRAND = Symbol.for("rowcraft.action-definition");

export function isActionDefinition(value: unknown): value is AnyAction {
  return typeof value === "object" && value !== null && (value as { [ACTION_BRAND]?: unknown })[ACTION_BRAND] === true;
}
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 600_000;

function invalid(name: string, problem: string): Error {
  return new Error(`Action ${name}: ${problem}`);
}

const SOURCE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function checkTarget(name: string, target: ActionTarget, input: ActionInputSchema, selectionField: string | null): void {
  if (!SOURCE.test(target.source)) throw invalid(name, `target.source must be a stable kebab-case name for the data source (acme-ops), not "${target.source}".`);
  if (!isRowTarget(target)) {
    if (selectionField) throw invalid(name, "a batch action acts on the selected rows: give its target a table and key.");
    return;
  }
  if (!target.table.trim()) throw invalid(name, "target.table names the table whose rows it changes.");
  const keys = Object.entries(target.key);
  if (keys.length === 0) throw invalid(name, "target.key maps each key column of the table to the input field that holds it: { id: \"orderId\" }.");
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
  const definition: ActionDefinition<I, O> = {
    name,
    title: spec.title,
    description: spec.description,
    target: spec.target,
    input: spec.input,
    output: spec.output ?? null,
    minRole: spec.minRole,
    danger: spec.danger ?? null,
    precondition: spec.precondition ?? null,
    timeoutMs: spec.timeoutMs,
    mode: spec.mode,
    selectionField,
    // async: a run() that throws synchronously still becomes a rejected promise.
    run: async (input, ctx) => spec.run(input, ctx),
  };
  Object.defineProperty(definition, ACTION_BRAND, { value: true });
  return definition;
}
