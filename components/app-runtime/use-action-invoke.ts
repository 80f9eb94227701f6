"use client";
/**
 * One invocation of an action from a widget (button, form, one table row): `actions.run` with a
 * fresh idempotency key, `confirmed` for danger actions, and the outcome in words for a
 * role="status"/role="alert" line next to the widget.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { newRequestKey } from "@/components/actions/run-format";
import { findWidget, rowReferenceOf, tableQueryOf } from "@/lib/app-document/action-rows";
import type { ActionSummary, AppBinding } from "@/lib/schemas/actions";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import type { AppRuntime } from "./runtime-context";

export interface Outcome {
  tone: "success" | "error";
  text: string;
}

/** Why this user cannot run the action here, or null when they can. */
export function actionBlocked(action: ActionSummary | undefined, name: string): string | null {
  if (!action) return `The action "${name}" is not available in this workspace.`;
  if (!action.canRun) return `${action.title} needs the ${action.minRole} role; you can look but not run it.`;
  return null;
}

function describeResult(result: unknown): string {
  if (result && typeof result === "object" && !Array.isArray(result)) {
    const message = (result as Record<string, unknown>).message;
    if (typeof message === "string" && message.trim()) return ` ${message.trim()}`;
  }
  return "";
}

/**
 * The `via` of a run from this app's widget: the server checks the widget binds the action and,
 * for row actions, runs the rows' table query again with the values the shown rows ran with.
 * The builder's preview (the unsaved draft) runs directly instead: only editors see drafts, and
 * running directly is theirs anyway.
 */
export function actionVia(runtime: Pick<AppRuntime, "app" | "queries">, widgetId: string, rowsFromTable: string | null): AppBinding | undefined {
  const { app, queries } = runtime;
  if (app.version === "draft") return undefined;
  const table = rowsFromTable ? findWidget(app.document, rowsFromTable) : null;
  const query = table?.type === "table" ? tableQueryOf(app.document, table) : null;
  return { appId: app.appId, version: app.version, widgetId, params: (query ? queries[query.id]?.params : null) ?? {} };
}

/** The table whose selected rows a button's mapping takes the action's key from, or null. */
export function rowsTableOf(action: ActionSummary, mapping: Readonly<Record<string, string>>): string | null {
  for (const field of Object.values(action.target.key)) {
    const text = mapping[field];
    const ref = text === undefined ? null : rowReferenceOf(text, null);
    if (ref) return ref.table;
  }
  return null;
}

export function useActionInvoke() {
  const trpc = useTRPC();
  const run = useMutation(trpc.actions.run.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  /** Runs it; true when it succeeded. */
  async function invoke(action: ActionSummary, input: Record<string, unknown>, via: AppBinding | undefined, what?: string): Promise<boolean> {
    setOutcome(null);
    try {
      const result = await run.mutateAsync({ action: action.name, input, idempotencyKey: newRequestKey(), confirmed: action.danger ? true : undefined, via });
      if (result.status === "ok") {
        setOutcome({ tone: "success", text: `${action.title}${what ? ` ${what}` : ""}: done.${result.replayed ? " (It had already run; nothing was done twice.)" : ""}${describeResult(result.result)}` });
        return true;
      }
      setOutcome({ tone: "error", text: `${action.title} failed: ${result.error}` });
    } catch (error) {
      setOutcome({ tone: "error", text: `${action.title} did not run: ${errorMessage(error)}` });
    }
    return false;
  }

  return { invoke, outcome, setOutcome, isRunning: run.isPending };
}
