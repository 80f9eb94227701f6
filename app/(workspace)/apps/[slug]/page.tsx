/** The running app: the published version of an app, for everyone allowed to use it. */
import type { Metadata } from "next";
import Link from "next/link";
import { AppView } from "@/components/app-runtime";
import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/ui/surface";
import { openAppForPage } from "@/server/apps/open-app-for-page";
import { requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "App" };


export default async function AppPage({ params }: { params: Promise<{ slug: string }> }) {
  const access = await requirePageRole("viewer");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { slug } = await params;
  const opened = await openAppForPage(slug, "published");
  if (!opened.ok) {
    return (
      <EmptyState title={opened.code === "FORBIDDEN" ? "You can't open this app" : "This app is not available"} action={<Link href="/">Back to apps</Link>}>
        {opened.message}
      </EmptyState>
    );
  }
  return <AppView view={opened.view} />;
}
