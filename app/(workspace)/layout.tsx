import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getServerCaller } from "@/server/trpc/server-caller";

// Every workspace page depends on the signed-in user.
export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { session } = await getServerCaller();
  if (!session) redirect("/sign-in");
  const { id, name, email, role } = session.user;
  return <AppShell user={{ id, name, email, role }}>{children}</AppShell>;
}
