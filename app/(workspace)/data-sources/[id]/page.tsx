import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { DatasourceForm } from "@/components/datasources/datasource-form";
import { SchemaBrowser } from "@/components/datasources/schema-browser";
import { AccessDenied } from "@/components/shell/access-denied";
import { Alert, PageHeader } from "@/components/ui/surface";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Data source" };

export default async function EditDataSourcePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const access = await requirePageRole("admin");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { id } = await params;
  const { saved } = await searchParams;
  const { caller } = await getServerCaller();
  const source = await caller.datasources.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={source.name} description={source.location} />
      <div style={{ display: "grid", gap: "var(--space-5)" }}>
        {saved ? <Alert tone="success">Saved.</Alert> : null}
        <DatasourceForm existing={{ id: source.id, name: source.name, isDemo: source.isDemo, connection: source.connection, policy: source.policy }} />
        <SchemaBrowser datasourceId={source.id} />
      </div>
    </>
  );
}
