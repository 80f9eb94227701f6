"use client";
/** Admin screen for action services: each service with its status and actions, refresh (showing what changed), remove, and the register form. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Badge, Card, DataTable, EmptyState } from "@/components/ui/surface";
import type { ActionServiceSummary, RefreshResult } from "@/lib/schemas/action-services";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { AddActionServiceForm } from "./add-action-service-form";

function describeChanges({ service, changes }: RefreshResult): string {
  const parts = [
    changes.added.length ? `added ${changes.added.join(", ")}` : "",
    changes.removed.length ? `removed ${changes.removed.join(", ")}` : "",
    ...changes.changed.map((change) => `changed ${change.name} (${change.fields.join(", ")})`),
  ].filter(Boolean);
  return parts.length ? `${service.name}: ${parts.join("; ")}.` : `${service.name}: nothing changed.`;
}

export function ActionServiceAdmin({ initialServices }: { initialServices: ActionServiceSummary[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const services = useQuery(trpc.actionServices.list.queryOptions(undefined, { initialData: initialServices }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.actionServices.list.queryKey() });
  const [refreshed, setRefreshed] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ActionServiceSummary | null>(null);
  const refresh = useMutation(
    trpc.actionServices.refresh.mutationOptions({
      onSuccess: (result) => setRefreshed(describeChanges(result)),
      onSettled: invalidate,
    }),
  );
  const remove = useMutation(
    trpc.actionServices.remove.mutationOptions({
      onSuccess: () => setRemoving(null),
      onSettled: invalidate,
    }),
  );
  const failure = refresh.error ?? remove.error;
  const list = services.data ?? [];

  return (
    <div style={{ display: "grid", gap: "var(--space-5)" }}>
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      {refreshed ? <Alert tone="success">{refreshed}</Alert> : null}
      {list.length === 0 ? (
        <EmptyState title="No action services yet">Register a service built with @rowcraft/actions below; see docs/remote-actions.md.</EmptyState>
      ) : (
        list.map((service) => (
          <Card key={service.id} aria-label={`Action service ${service.name}`}>
            <div style={{ display: "flex", gap: "var(--space-3)", alignItems: "center", flexWrap: "wrap", marginBottom: "var(--space-3)" }}>
              <h2 style={{ fontSize: "var(--text-lg)" }}>{service.name}</h2>
              {service.status === "ok" ? <Badge tone="success">Reachable</Badge> : <Badge tone="danger">Problem</Badge>}
              <code>{service.url}</code>
              <span style={{ color: "var(--color-text-muted)" }}>
                manifest {service.manifestVersion ?? "—"}
                {service.manifestFetchedAt ? `, read ${service.manifestFetchedAt.toISOString().replace("T", " ").slice(0, 19)} UTC` : ""}
              </span>
              <span style={{ marginLeft: "auto", display: "flex", gap: "var(--space-2)" }}>
                <Button size="small" disabled={refresh.isPending} onClick={() => refresh.mutate({ id: service.id })}>
                  Refresh manifest<span className="visually-hidden"> of {service.name}</span>
                </Button>
                <Button size="small" variant="danger" onClick={() => setRemoving(service)}>
                  Remove<span className="visually-hidden"> {service.name}</span>
                </Button>
              </span>
            </div>
            {service.statusMessage ? <Alert tone="error">{service.statusMessage}</Alert> : null}
            <DataTable aria-label={`Actions of ${service.name}`}>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Title</th>
                  <th scope="col">Minimum role</th>
                  <th scope="col">Acts on</th>
                </tr>
              </thead>
              <tbody>
                {service.actions.map((action) => (
                  <tr key={action.name}>
                    <td>
                      <code>{`${service.name}.${action.name}`}</code>
                    </td>
                    <td>
                      {action.title} {action.danger ? <Badge tone="warning">Asks to confirm</Badge> : null}
                    </td>
                    <td>{action.minRole}</td>
                    <td>{action.target}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Card>
        ))
      )}
      <AddActionServiceForm onAdded={invalidate} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
        title={`Remove ${removing?.name ?? "service"}?`}
        description="Its actions disappear from builders at once; buttons bound to them show a problem. The service itself is not touched."
        confirmLabel="Remove service"
        tone="danger"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
      />
    </div>
  );
}
