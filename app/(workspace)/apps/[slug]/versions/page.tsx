/** Builders compare two versions of an app: /apps/<slug>/versions?from=A&to=B. */
import type { Metadata } from "next";
import Link from "next/link";
import { VersionDiffView } from "@/components/app-versions/version-diff-view";
import { AccessDenied } from "@/components/shell/access-denied";
import { Alert, PageHeader } from "@/components/ui/surface";
import { openAppForPage } from "@/server/apps/open-app-for-page";
import { requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Compare versions" };

function versionParam(value: string | string[] | undefined): number | null {
  const number = typeof value === "string" ? Number(value) : NaN;
  return Number.isInteger(number) ? number : null;
}

export default async function VersionsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await requirePageRole("builder");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { slug } = await params;
  const query = await searchParams;
  const opened = await openAppForPage(slug, "draft");
  if (!opened.ok) {
    return (
      <>
        <PageHeader title="Compare versions" />
        <Alert tone="error">
          {opened.message} <Link href="/">Back to the apps</Link>
        </Alert>
      </>
    );
  }
  const { app } = opened.view;
  return (
    <>
      <PageHeader title={`Compare versions of ${app.name}`} description="What changed between two saved versions: pages, widgets, queries and permissions." />
      <VersionDiffView appId={app.id} slug={app.slug} latestVersion={app.latestVersion} from={versionParam(query.from)} to={versionParam(query.to)} />
    </>
  );
}
