import type { Metadata } from "next";
import { AppList } from "@/components/apps/app-list";
import { PageHeader } from "@/components/ui/surface";
import { hasRole } from "@/lib/roles";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Apps" };

export default async function HomePage() {
  const { caller, session } = await getServerCaller();
  const apps = await caller.apps.list();
  const canBuild = session ? hasRole(session.user.role, "builder") : false;
  return (
    <>
      <PageHeader title="Apps" description="Internal tools in this workspace." />
      <AppList apps={apps} canBuild={canBuild} />
    </>
  );
}
