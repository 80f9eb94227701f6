import type { Metadata } from "next";
import { DatasourceForm } from "@/components/datasources/datasource-form";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "New data source" };

export default async function NewDataSourcePage() {
  const access = await requirePageRole("admin");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  return (
    <>
      <PageHeader title="New data source" description="Connect PostgreSQL, MySQL/MariaDB or a SQLite file. Nothing is writable until you list it." />
      <DatasourceForm />
    </>
  );
}
