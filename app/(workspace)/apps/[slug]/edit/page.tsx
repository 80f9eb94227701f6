import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { AppBuilder } from "@/components/app-builder/app-builder";
import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/ui/surface";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Edit app" };

const SHOWN_CODES = new Set(["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"]);

export default async function EditAppPage({ params }: { params: Promise<{ slug: string }> }) {
  const access = await requirePageRole("builder");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { slug } = await params;
  const { caller } = await getServerCaller();
  const opened = await caller.apps.open({ slug, version: "draft" }).then(
    (view) => ({ ok: true as const, view }),
    (error: unknown) => {
      // A missing app or one this builder may not edit is a page to explain, not a crash.
      if (error instanceof TRPCError && SHOWN_CODES.has(error.code)) return { ok: false as const, code: error.code, message: error.message };
      throw error;
    },
  );
  if (!opened.ok) {
    return (
      <EmptyState title={opened.code === "FORBIDDEN" ? "You can't edit this app" : "There is no such app"} action={<Link href="/">Back to apps</Link>}>
        {opened.message}
      </EmptyState>
    );
  }
  return <AppBuilder view={opened.view} />;
}
