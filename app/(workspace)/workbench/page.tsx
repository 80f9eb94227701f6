import type { Metadata } from "next";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { Workbench } from "@/components/workbench/workbench";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Query workbench" };

export default async function WorkbenchPage({ searchParams }: { searchParams: Promise<{ source?: string }> }) {
  const access = await requirePageRole("builder");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { source } = await searchParams;
  const { caller } = await getServerCaller();
  const sources = (await caller.datasources.list()).map(({ id, name, kind, policy }) => ({ id, name, kind, readOnly: policy.readOnly }));
  return (
    <>
      <PageHeader title="Query workbench" description="Guarded SQL: {{ }} values are bound as parameters, reads can only read, writes only touch writable tables." />
      <Workbench sources={sources} initialSourceId={sources.some((candidate) => candidate.id === source) ? (source ?? null) : null} />
    </>
  );
}
