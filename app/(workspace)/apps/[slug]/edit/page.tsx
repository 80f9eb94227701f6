import type { Metadata } from "next";
import Link from "next/link";
import { AppBuilder } from "@/components/app-builder/app-builder";
import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/ui/surface";
import { openAppForPage } from "@/server/apps/open-app-for-page";
import { requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Edit app" };


export default async function EditAppPage({ params }: { params: Promise<{ slug: string }> }) {
  const access = await requirePageRole("builder");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { slug } = await params;
  const opened = await openAppForPage(slug, "draft");
  if (!opened.ok) {
    return (
      <EmptyState title={opened.code === "FORBIDDEN" ? "You can't edit this app" : "There is no such app"} action={<Link href="/">Back to apps</Link>}>
        {opened.message}
      </EmptyState>
    );
  }
  return <AppBuilder view={opened.view} />;
}
