"use client";
/**
 * One bulk run as the UI follows it: progress polled every 500 ms while it runs (`getRun` with
 * `limit: 0`), its rows re-read every second (every 5 s above 1,000 rows) while it runs and once
 * more when it settles, and the commands (cancel, retry failed — optionally with new inputs for
 * some rows —, resume). `onSettled` fires when a run this tab watched running comes to a stop.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RunItemView, RunView } from "@/lib/schemas/actions";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

export const PROGRESS_POLL_MS = 500;

export interface ActionRunState {
  runId: string;
  view: RunView | undefined;
  items: RunItemView[] | undefined;
  /** Loading the run failed (no such run, not yours…). */
  loadError: string | null;
  /** The last command failed. */
  commandError: string | null;
  busy: boolean;
  cancel: () => void;
  retry: () => void;
  resume: () => void;
  /** Retry failed rows, these with new inputs (a fixed mapping). Rejects when the server refuses. */
  retryWith: (inputs: { rowKey: string; input: Record<string, unknown> }[]) => Promise<void>;
}

export function useActionRun(runId: string | null, options: { onSettled?: () => void } = {}): ActionRunState | null {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = runId ?? "";
  const progress = useQuery(
    trpc.actions.getRun.queryOptions(
      { runId: id, limit: 0 },
      { enabled: Boolean(runId), retry: false, staleTime: 0, refetchInterval: (query) => (query.state.data?.run.status === "running" ? PROGRESS_POLL_MS : false) },
    ),
  );
  const status = progress.data?.run.status;
  const total = progress.data?.run.total ?? 0;
  const items = useQuery(
    trpc.actions.getRun.queryOptions(
      { runId: id },
      { enabled: Boolean(runId) && progress.data !== undefined, retry: false, staleTime: 0, refetchInterval: status === "running" ? (total <= 1_000 ? 1_000 : 5_000) : false },
    ),
  );

  // When a run this tab saw running stops: read its rows once more, and tell the owner (the grid reloads).
  const seen = useRef<{ runId: string; status: string | undefined }>({ runId: id, status: undefined });
  // The run this hook had when it mounted (opened from a link): any later one was started here.
  const mountedWith = useRef(id);
  const onSettled = useRef(options.onSettled);
  useEffect(() => {
    onSettled.current = options.onSettled;
  });
  const refetchItems = items.refetch;
  useEffect(() => {
    const before = seen.current;
    seen.current = { runId: id, status };
    // A short run can finish before the first poll: seen as done at once, it settled all the same.
    const settledUnseen = before.runId === id && before.status === undefined && status !== undefined && status !== "running" && id !== mountedWith.current;
    if ((before.runId === id && before.status === "running" && status !== undefined && status !== "running") || settledUnseen) {
      void refetchItems();
      onSettled.current?.();
    }
  }, [id, status, refetchItems]);

  const [commandError, setCommandError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.actions.getRun.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.actions.listRuns.queryKey() });
  }, [queryClient, trpc]);
  const mutationOptions = { onMutate: () => setCommandError(null), onError: (error: unknown) => setCommandError(errorMessage(error)), onSettled: refresh };
  const cancel = useMutation(trpc.actions.cancelRun.mutationOptions(mutationOptions));
  const retry = useMutation(trpc.actions.retryFailed.mutationOptions(mutationOptions));
  const resume = useMutation(trpc.actions.resumeRun.mutationOptions(mutationOptions));

  if (!runId) return null;
  const loadError = progress.error ? errorMessage(progress.error) : items.error ? errorMessage(items.error) : null;
  return {
    runId,
    view: progress.data,
    items: items.data?.items,
    loadError,
    commandError,
    busy: cancel.isPending || retry.isPending || resume.isPending,
    cancel: () => cancel.mutate({ runId }),
    retry: () => retry.mutate({ runId }),
    resume: () => resume.mutate({ runId }),
    retryWith: async (inputs) => {
      await retry.mutateAsync({ runId, inputs });
    },
  };
}
