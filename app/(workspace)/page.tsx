import type { Metadata } from "next";
import { AppList } from "@/components/apps/app-list";
import { HomeActions } from "@/components/apps/home-actions";
import { PageHeader } from "@/components/ui/surface";
import { hasRole } from "@/lib/roles";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Apps" };

export default async function HomePage() {
  // Layouts and pages render in parallel: check the session here too, so an anonymous visit redirects instead of erroring.
  const { session } = await requirePageRole("viewer");
  const { caller } = await getServerCaller();
  const apps = await caller.apps.list();
  const canBuild = hasRole(session.user.role, "builder");
  return (
    <>
      <PageHeader title="Apps" description="Internal tools in this workspace." actions={canBuild ? <HomeActions /> : undefined} />
      <AppList apps={apps} canBuild={canBuild} />
    </>
  );
}
