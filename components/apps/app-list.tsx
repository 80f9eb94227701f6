/** The workspace's apps, or an empty state that says what to do next for this role. */
import Link from "next/link";
import { Badge, Card, EmptyState } from "@/components/ui/surface";
import type { AppSummary } from "@/lib/schemas/apps";

export function AppList({ apps, canBuild }: { apps: AppSummary[]; canBuild: boolean }) {
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
          <Card style={{ height: "100%", display: "flex", flexDirection: "column", gap: "var(--space-2)" }}>
            <div style={{ display: "flex", alignItems: "center", gap: "var(--space-2)", flexWrap: "wrap" }}>
              {app.publishedVersion !== null ? (
                <Link href={`/apps/${app.slug}`} style={{ fontWeight: 600 }}>
                  {app.name}
                </Link>
              ) : (
                <strong>{app.name}</strong>
              )}
              <Badge tone={app.publishedVersion !== null ? "success" : "neutral"}>{app.publishedVersion !== null ? `Published v${app.publishedVersion}` : "Not published"}</Badge>
            </div>
            <p style={{ color: "var(--color-text-muted)", margin: 0, flex: 1 }}>{app.description || "No description."}</p>
            {app.canEdit ? (
              <div>
                <Link href={`/apps/${app.slug}/edit`} aria-label={`Edit ${app.name}`}>
                  Edit
                </Link>
              </div>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}
