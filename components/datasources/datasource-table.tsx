/** Lists data sources with their access policy. Credentials never reach this component. */
import Link from "next/link";
import { Badge, DataTable, EmptyState } from "@/components/ui/surface";
import { DATASOURCE_KIND_LABELS, type DatasourceKind, type Policy } from "@/lib/schemas/datasources";

export interface DatasourceRow {
  id: string;
  name: string;
  kind: DatasourceKind;
  isDemo: boolean;
  location: string;
  policy: Policy;
}

function patterns(list: string[]): string {
  if (list.length === 0) return "nothing";
  return list.includes("*") ? "every table" : list.join(", ");
}

export function DatasourceTable({ sources, canManage }: { sources: DatasourceRow[]; canManage: boolean }) {
  if (sources.length === 0) {
    return <EmptyState title="No data sources">An admin connects databases here; none are connected yet.</EmptyState>;
  }
  return (
    <DataTable aria-label="Data sources">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Location</th>
          <th scope="col">Readable</th>
          <th scope="col">Writable</th>
          <th scope="col">Timeout</th>
          <th scope="col">Row cap</th>
          <th scope="col">
            <span className="visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <tr key={source.id}>
            <td>
              {canManage ? (
                <Link href={`/data-sources/${source.id}`}>
                  <strong>{source.name}</strong>
                </Link>
              ) : (
                <strong>{source.name}</strong>
              )}{" "}
              {source.isDemo ? <Badge tone="accent">Demo</Badge> : null}
            </td>
            <td>{DATASOURCE_KIND_LABELS[source.kind]}</td>
            <td>
              <code>{source.location}</code>
            </td>
            <td>{patterns(source.policy.read)}</td>
            <td>{source.policy.readOnly ? "read-only source" : patterns(source.policy.write)}</td>
            <td>{(source.policy.statementTimeoutMs / 1000).toLocaleString("en-US")} s</td>
            <td>{source.policy.rowCap.toLocaleString("en-US")}</td>
            <td>
              <Link href={`/workbench?source=${source.id}`}>
                Query<span className="visually-hidden"> {source.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
