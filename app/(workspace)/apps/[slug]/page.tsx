/** The running app: the published version of an app, for everyone allowed to use it. */
import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { AppView } from "@/components/app-runtime";
import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/ui/surface";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "App" };

const SHOWN_CODES = new Set(["NOT_FOUND", "FORBIDDEN"]);

export default async function AppPage({ params }: { params: Promise<{ slug: string }> }) {
  const access = await requirePageRole("viewer");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { slug } = await params;
  const { caller } = await getServerCaller();
  const opened = await caller.apps.open({ slug, version: "published" }).then(
    (view) => ({ ok: true as const, view }),
    (error: unknown) => {
      // A missing, unpublished or not-for-you app is a page to explain, not a crash.
      if (error instanceof TRPCError && SHOWN_CODES.has(error.code)) return { ok: false as const, code: error.code, message: error.message };
      throw error;
    },
  );
  if (!opened.ok) {
    return (
      <EmptyState title={opened.code === "FORBIDDEN" ? "You can't open this app" : "This app is not available"} action={<Link href="/">Back to apps</Link>}>
        {opened.message}
      </EmptyState>
    );
  }
  return <AppView view={opened.view} />;
}
