"use client";
/**
 * The runs list (`/runs`): the caller's recent bulk runs (admins: everyone's), newest first,
 * each linking to its progress view. Re-read every 2 s while one of them is running.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert, Badge, DataTable, EmptyState } from "@/components/ui/surface";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { runOutcome } from "./run-format";

export function RunsList() {
  const trpc = useTRPC();
  const runs = useQuery(trpc.actions.listRuns.queryOptions({ limit: 50 }, { refetchInterval: (query) => (query.state.data?.some((run) => run.status === "running") ? 2_000 : false) }));
  if (runs.isPending) return <p role="status">Loading runs…</p>;
  if (runs.error) return <Alert tone="error">{errorMessage(runs.error)}</Alert>;
  if (runs.data.length === 0) return <EmptyState title="No runs yet">Select rows in the table editor and choose Run action; bulk runs show up here.</EmptyState>;
  return (
    <DataTable aria-label="Action runs">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Status</th>
          <th scope="col">Rows done</th>
          <th scope="col">Failed</th>
          <th scope="col">Started</th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {runs.data.map((run) => (
          <tr key={run.id}>
            <td>
              <Link href={`/runs/${encodeURIComponent(run.id)}`}>{run.actionTitle}</Link>
            </td>
            <td>
              <Badge tone={runOutcome(run.status, { ok: run.done - run.failed, failed: run.failed, total: run.total }).tone}>{runOutcome(run.status, { ok: run.done - run.failed, failed: run.failed, total: run.total }).text}</Badge>
            </td>
            <td>
              {run.done.toLocaleString("en-US")} / {run.total.toLocaleString("en-US")}
            </td>
            <td>{run.failed ? <Badge tone="danger">{run.failed.toLocaleString("en-US")}</Badge> : "0"}</td>
            <td>{run.createdAt.toLocaleString()}</td>
            <td>{run.createdBy.email}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
