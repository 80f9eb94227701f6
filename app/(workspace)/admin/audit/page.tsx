import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { auditListInput } from "@/lib/schemas/audit";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await requirePageRole("admin");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const params = await searchParams;
  const text = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? params[key] : undefined);
  const filter = auditListInput.safeParse({ action: text("action"), actor: text("actor"), outcome: text("outcome"), from: text("from"), to: text("to") });
  const { caller } = await getServerCaller();
  const events = await caller.audit.list(filter.success ? filter.data : { limit: 100 });
  return (
    <>
      <PageHeader title="Audit log" description="Sign-ins, user and role changes, writes and action runs — newest first." />
      <AuditTable events={events} filter={{ action: text("action") ?? "", actor: text("actor") ?? "", outcome: text("outcome") ?? "", from: text("from") ?? "", to: text("to") ?? "" }}
        invalid={filter.success ? null : (filter.error.issues[0]?.message ?? "Some filters were not understood.")} />
    </>
  );
}
