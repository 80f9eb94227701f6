"use client";
/** The version tools in the top bar (built in components/app-versions), wired to the builder's state. */
import type { OpenAppView } from "@/lib/schemas/apps";
import { ExportButton, HistoryPanel, ImportAppDialog, PermissionsDialog, PublishButton } from "@/components/app-versions";
import { useBuilder } from "./builder-context";
import type { useSavedVersion } from "./use-saved-version";
import styles from "./app-builder.module.css";

export function VersionTools({ view, saved, onShowProblem }: { view: OpenAppView; saved: ReturnType<typeof useSavedVersion>; onShowProblem: (path: string) => void }) {
  const { doc, change, problems } = useBuilder();
  // Some problems (field references checked against preview results) are known only here, so the builder waits for all of them.
  const blocked = saved.dirty ? "Save your changes first: publishing publishes a saved version." : problems.length > 0 ? `Fix the ${problems.length === 1 ? "problem" : `${problems.length} problems`} listed in Problems first.` : undefined;
  const appId = view.app.id;
  return (
    <>
      <HistoryPanel appId={appId} slug={view.app.slug} latestVersion={saved.baseVersion} publishedVersion={saved.publishedVersion} onRestored={(version) => void saved.loadVersion(version)} onPublished={saved.setPublishedVersion} />
      {/* A version is published as saved: unsaved edits are not in it, so save first. */}
      <span className={styles.publish} title={blocked}>
        <PublishButton appId={appId} version={saved.baseVersion} disabled={blocked !== undefined} onPublished={saved.setPublishedVersion} onShowProblem={onShowProblem} />
      </span>
      <PermissionsDialog value={doc.permissions} onChange={(permissions) => change((current) => ({ ...current, permissions }))} />
      <ExportButton document={doc} />
      <ImportAppDialog appId={appId} onImported={(result) => void saved.loadVersion(result.version)} />
    </>
  );
}
