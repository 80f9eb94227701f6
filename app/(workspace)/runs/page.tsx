/** The runs list (operators and up): recent bulk action runs, each linking to its progress view. */
import type { Metadata } from "next";
import { RunsList } from "@/components/actions/runs-list";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Action runs" };

export default async function RunsPage() {
  const access = await requirePageRole("operator");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  return (
    <>
      <PageHeader title="Action runs" description="Bulk runs of actions on selected rows, newest first: yours, or everyone's for admins. Open one to see its rows, retry failed rows, cancel or resume it." />
      <RunsList />
    </>
  );
}
