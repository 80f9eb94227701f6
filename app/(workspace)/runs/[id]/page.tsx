/** One bulk run's progress view (its creator or an admin; the API refuses others). */
import type { Metadata } from "next";
import { RunDetail } from "@/components/actions/run-detail";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Action run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await requirePageRole("operator");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { id } = await params;
  return (
    <>
      <PageHeader title="Action run" description="Progress and per-row results. The page follows the run while it goes; a reload shows where it stands." />
      <RunDetail runId={id} />
    </>
  );
}
