import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { hasRole } from "@/lib/roles";
import { DatasourceTable } from "@/components/datasources/datasource-table";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Data sources" };

export default async function DataSourcesPage() {
  const access = await requirePageRole("builder");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { caller } = await getServerCaller();
  const sources = await caller.datasources.list();
  const canManage = hasRole(access.session.user.role, "admin");
  return (
    <>
      <PageHeader
        title="Data sources"
        description="Databases your queries run against, and what each one allows."
        actions={
          canManage ? (
            <Button asChild variant="primary">
              <Link href="/data-sources/new">Add data source</Link>
            </Button>
          ) : null
        }
      />
      <DatasourceTable sources={sources} canManage={canManage} />
    </>
  );
}
