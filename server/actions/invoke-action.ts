/**
 * Runs one invocation of an action — the single place where input validation, the timeout, the
 * context (`ctx.datasource`, `ctx.idempotent`), output checking and error classification happen,
 * for `actions.run` and for every row of a bulk run alike. Access checks and the audit log are
 * the callers' (they differ: one request vs. a run's rows).
 */
import type { z } from "zod";
import type { FailureKind, InvocationOutcome } from "@/lib/schemas/actions";
import { formatSeconds } from "@/server/datasources/drivers/results";
import { bindDatabase, type SharedDatabaseResolver } from "./databases/action-databases";
import { ActionError, ActionFailure, ReplayedResult, type ActionContext, type ActionUser, type AnyAction, type InvocationApp, type InvocationRun } from "./define-action";
import { resultJsonOf, runIdempotent, type IdempotencyState } from "./idempotency";

export const UNEXPECTED_FAILURE = "The action failed unexpectedly";

export interface InvokeOptions {
  action: AnyAction;
  /** Raw input, validated here with the action's schema. */
  input: unknown;
  idempotencyKey: string;
  user: ActionUser;
  /** Bulk rows: the run, the row key and the attempt. */
  run?: InvocationRun;
  /** The app and widget it was started from. */
  app?: InvocationApp | null;
  databases: SharedDatabaseResolver;
  /** Where internal errors are reported (console.error by default; tests silence it). */
  logError?: (message: string, error: unknown) => void;
}

export interface InvocationReport {
  outcome: InvocationOutcome;
  /** The real message behind an internal error: logged and audited (admins), never shown to operators. */
  internalMessage: string | null;
}

class ActionTimeoutError extends Error {}

/** "amountCents: Too small: expected number to be >0; reason: Required" */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

function timeoutMessage(action: AnyAction): string {
  return `${action.title} did not finish within ${formatSeconds(action.timeoutMs)} and was stopped; its transaction was rolled back unless it had already committed. Running it again with the same key is safe: a completed change is never repeated.`;
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}

export async function invokeAction(options: InvokeOptions): Promise<InvocationReport> {
  const { action } = options;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (errorKind: FailureKind, error: string, internalMessage: string | null = null): InvocationReport => ({
    outcome: { status: "failed", errorKind, error, durationMs: elapsed() },
    internalMessage,
  });

  const parsed = action.input.safeParse(options.input);
  if (!parsed.success) return failed("invalid_input", `The input is not valid: ${describeIssues(parsed.error)}`);

  const controller = new AbortController();
  const deadline = Date.now() + action.timeoutMs;
  const state: IdempotencyState = { replayed: false, used: false };
  const ctx: ActionContext = {
    user: options.user,
    idempotencyKey: options.idempotencyKey,
    signal: controller.signal,
    deadline,
    run: options.run ?? null,
    app: options.app ?? null,
    datasource: async (name) =>
      bindDatabase(await options.databases(name ?? action.target.source), { signal: controller.signal, timeoutMs: Math.max(1, deadline - Date.now()) }),
    idempotent: (database, work) => runIdempotent({ database, key: options.idempotencyKey, action: action.name, state, work }),
  };

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ActionTimeoutError());
    }, action.timeoutMs);
  });
  const running = action.run(parsed.data, ctx);
  running.catch(() => undefined); // after a timeout its late failure has nobody left to tell

  try {
    const answer = await Promise.race([running, timedOut]);
    const replayedElsewhere = answer instanceof ReplayedResult;
    const value = replayedElsewhere ? answer.value : answer;
    if (action.output) {
      const checked = action.output.safeParse(value);
      if (!checked.success) throw new Error(`Action ${action.name} returned a result that does not match its output schema: ${describeIssues(checked.error)}`);
    }
    const result: unknown = JSON.parse(resultJsonOf(value));
    return { outcome: { status: "ok", result, replayed: state.replayed || replayedElsewhere, durationMs: elapsed() }, internalMessage: null };
  } catch (error) {
    if (error instanceof ActionTimeoutError) return failed("timeout", timeoutMessage(action));
    if (error instanceof ActionError) return failed("domain", error.message);
    if (error instanceof ActionFailure) return failed(error.kind, error.message, error.kind === "internal" ? error.message : null);
    const message = error instanceof Error ? error.message : String(error);
    (options.logError ?? defaultLog)(`Action ${action.name} failed unexpectedly (key ${options.idempotencyKey}):`, error);
    return failed("internal", UNEXPECTED_FAILURE, message);
  } finally {
    clearTimeout(timer);
  }
}
