"use client";
/** The introspected schema of a source (tables, columns, keys) with a Refresh button. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Alert, Badge, Card } from "@/components/ui/surface";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

export function SchemaBrowser({ datasourceId }: { datasourceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = useQuery(trpc.datasources.schema.queryOptions({ id: datasourceId }, { retry: false }));
  const refresh = useMutation(
    trpc.datasources.refreshSchema.mutationOptions({
      onSuccess: (fresh) => queryClient.setQueryData(trpc.datasources.schema.queryKey({ id: datasourceId }), fresh),
    }),
  );
  const failure = refresh.error ?? schema.error;
  return (
    <Card style={{ display: "grid", gap: "var(--space-3)" }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <h2 style={{ fontSize: "var(--text-lg)" }}>Schema</h2>
        <div style={{ display: "flex", gap: "var(--space-3)", alignItems: "center" }}>
          {schema.data ? <span style={{ color: "var(--color-text-muted)" }}>Read <LocalTime value={schema.data.cachedAt} /></span> : null}
          <Button size="small" onClick={() => refresh.mutate({ id: datasourceId })} disabled={refresh.isPending}>
            {refresh.isPending ? "Refreshing…" : "Refresh schema"}
          </Button>
        </div>
      </div>
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      {schema.isPending ? <p>Reading the schema…</p> : null}
      {schema.data ? (
        <ul aria-label="Tables" style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "var(--space-2)" }}>
          {schema.data.schema.tables.map((table) => (
            <li key={`${table.schema ?? ""}.${table.name}`}>
              <details>
                <summary>
                  <code>{table.schema ? `${table.schema}.${table.name}` : table.name}</code> {table.kind === "view" ? <Badge>view</Badge> : null}{" "}
                  <span style={{ color: "var(--color-text-muted)" }}>{table.columns.length} columns</span>
                </summary>
                <ul>
                  {table.columns.map((column) => (
                    <li key={column.name}>
                      <code>{column.name}</code> <span style={{ color: "var(--color-text-muted)" }}>{column.dataType}</span> {column.isPrimaryKey ? <Badge tone="accent">PK</Badge> : null}
                      {column.nullable ? null : <span style={{ color: "var(--color-text-muted)" }}> not null</span>}
                    </li>
                  ))}
                  {table.foreignKeys.map((key) => (
                    <li key={key.columns.join(",")}>
                      <Badge>FK</Badge> ({key.columns.join(", ")}) → {key.references.table}({key.references.columns.join(", ")})
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
