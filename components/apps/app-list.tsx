/** The workspace's apps, or an empty state that says what to do next for this role. */
import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/surface";

export interface AppListItem {
  id: string;
  slug: string;
  name: string;
  description: string;
  updatedAt: Date;
}

export function AppList({ apps, canBuild }: { apps: AppListItem[]; canBuild: boolean }) {
  if (apps.length === 0) {
    return canBuild ? (
      <EmptyState title="No apps yet" action={<Link href="/data-sources">See the connected data sources</Link>}>
        Apps are built from guarded queries on a data source. The demo data source <strong>Acme Ops</strong> is connected and ready.
      </EmptyState>
    ) : (
      <EmptyState title="No apps yet">Nothing has been published to this workspace yet. Ask a builder to publish an app for you.</EmptyState>
    );
  }
  return (
    <ul aria-label="Apps" style={{ listStyle: "none", padding: 0, display: "grid", gap: "var(--space-3)", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))" }}>
      {apps.map((app) => (
        <li key={app.id}>
          <Card>
            <strong>{app.name}</strong>
            <p style={{ color: "var(--color-text-muted)", margin: "var(--space-2) 0 0" }}>{app.description || "No description."}</p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
