"use client";
/** Runs a query through the API with a client-chosen run id, so the run can be cancelled. */
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { QueryResult, RunQueryInput } from "@/lib/schemas/queries";
import { useTRPC } from "@/lib/trpc/client";

export function useQueryRun() {
  const trpc = useTRPC();
  const [runId, setRunId] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const run = useMutation(trpc.queries.run.mutationOptions());
  const cancel = useMutation(trpc.queries.cancel.mutationOptions());

  async function start(input: Omit<RunQueryInput, "runId">): Promise<QueryResult | null> {
    const id = crypto.randomUUID();
    latest.current = id;
    setRunId(id);
    try {
      const result = await run.mutateAsync({ ...input, runId: id });
      // A newer run replaced this one while it was in flight: ignore the stale answer.
      return latest.current === id ? result : null;
    } finally {
      if (latest.current === id) setRunId(null);
    }
  }

  return {
    start,
    cancel: () => (runId ? cancel.mutate({ runId }) : undefined),
    isRunning: runId !== null,
    requestError: run.error,
  };
}
