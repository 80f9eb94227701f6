/** The audit log table with its filter form. Filters are plain GET parameters, so a link reproduces the view. */
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { Alert, Badge, DataTable, EmptyState } from "@/components/ui/surface";

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  detail: Record<string, unknown>;
}

const OUTCOME_TONE = { ok: "success", denied: "warning", error: "danger" } as const;

export interface AuditFilterValues {
  action: string;
  actor: string;
  outcome: string;
  from: string;
  to: string;
}

export function AuditTable({ events, filter, invalid }: { events: AuditRow[]; filter: AuditFilterValues; invalid: string | null }) {
  const exportHref = `/api/audit/export?${new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== "")).toString()}`;
  return (
    <div style={{ display: "grid", gap: "var(--space-4)" }}>
      {invalid ? <Alert tone="error">{invalid} Showing the newest events without filters.</Alert> : null}
      <form method="get" aria-label="Filter the audit log" style={{ display: "flex", gap: "var(--space-3)", alignItems: "flex-end", flexWrap: "wrap" }}>
        <TextField label="Action starts with" name="action" defaultValue={filter.action} placeholder="auth., user." />
        <TextField label="User email contains" name="actor" defaultValue={filter.actor} />
        <SelectField
          label="Outcome"
          name="outcome"
          defaultValue={filter.outcome}
          options={[
            { value: "", label: "Any" },
            { value: "ok", label: "OK" },
            { value: "denied", label: "Denied" },
            { value: "error", label: "Error" },
          ]}
        />
        <TextField label="From (UTC day)" name="from" type="date" defaultValue={filter.from} />
        <TextField label="To (UTC day)" name="to" type="date" defaultValue={filter.to} />
        <Button type="submit">Filter</Button>
        <Button asChild>
          <a href={exportHref} download>
            Export CSV
          </a>
        </Button>
      </form>
      {events.length === 0 ? (
        <EmptyState title="No matching events">Change the filters to see more.</EmptyState>
      ) : (
        <DataTable aria-label="Audit events">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Outcome</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td style={{ whiteSpace: "nowrap" }}>
                  <LocalTime value={event.at} />
                </td>
                <td>{event.actorEmail ?? "—"}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>{event.targetType ? `${event.targetType} ${event.targetId ?? ""}` : "—"}</td>
                <td>
                  <Badge tone={OUTCOME_TONE[event.outcome as keyof typeof OUTCOME_TONE] ?? "neutral"}>{event.outcome}</Badge>
                </td>
                <td>
                  <code style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{JSON.stringify(event.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
