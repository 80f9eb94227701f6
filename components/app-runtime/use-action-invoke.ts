"use client";
/**
 * One invocation of an action from a widget (button, form, one table row): `actions.run` with a
 * fresh idempotency key, `confirmed` for danger actions, and the outcome in words for a
 * role="status"/role="alert" line next to the widget.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { newRequestKey } from "@/components/actions/run-format";
import type { ActionSummary } from "@/lib/schemas/actions";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

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

export function useActionInvoke() {
  const trpc = useTRPC();
  const run = useMutation(trpc.actions.run.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  /** Runs it; true when it succeeded. */
  async function invoke(action: ActionSummary, input: Record<string, unknown>, what?: string): Promise<boolean> {
    setOutcome(null);
    try {
      const result = await run.mutateAsync({ action: action.name, input, idempotencyKey: newRequestKey(), confirmed: action.danger ? true : undefined });
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
