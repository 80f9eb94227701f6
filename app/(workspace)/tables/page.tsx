import type { Metadata } from "next";
import { Suspense } from "react";
import { AccessDenied } from "@/components/shell/access-denied";
import { TableEditor } from "@/components/table-editor/table-editor";
import { PageHeader } from "@/components/ui/surface";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Table editor" };

export default async function TablesPage() {
  const access = await requirePageRole("builder");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { caller } = await getServerCaller();
  const sources = (await caller.datasources.list()).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader title="Table editor" description="Browse and edit tables like a spreadsheet. Edits are staged, checked, and saved in one transaction through the guard." />
      <Suspense>
        <TableEditor sources={sources} />
      </Suspense>
    </>
  );
}
