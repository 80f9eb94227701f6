"use client";
/**
 * The app's version history, opened from the builder's "History" button: every saved version
 * with its author, time and message, which one is published and which is the draft, and per
 * version: compare, restore (a new version copying it) and publish.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { Alert, Badge } from "@/components/ui/surface";
import type { AppVersionSummary } from "@/lib/schemas/apps";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import styles from "./app-versions.module.css";
import { compareHref } from "./compare-link";
import { PublishButton } from "./publish-button";
import { absoluteTime, relativeTime } from "./version-format";
import { VersionMessage } from "./version-message";

export interface HistoryPanelProps {
  appId: string;
  slug: string;
  /** The version the editor has open: restore is based on it (CONFLICT if someone saved since). */
  latestVersion: number;
  publishedVersion: number | null;
  onRestored: (version: number) => void;
  onPublished?: (version: number) => void;
}

export function HistoryPanel({ appId, slug, latestVersion, publishedVersion, onRestored, onPublished }: HistoryPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const versions = useQuery(trpc.apps.versions.queryOptions({ appId }, { enabled: open, staleTime: 0 }));
  const restore = useMutation(trpc.apps.restore.mutationOptions());
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // The list is fresher than the prop after a publish from this panel.
  const published = versions.data ? (versions.data.find((version) => version.published)?.number ?? null) : publishedVersion;

  async function confirmRestore(version: number) {
    setError(null);
    setStatus(null);
    try {
      const result = await restore.mutateAsync({ appId, version, baseVersion: latestVersion });
      setRestoring(null);
      setStatus(`Version ${version} was restored as version ${result.version}.`);
      onRestored(result.version);
      void queryClient.invalidateQueries({ queryKey: trpc.apps.versions.queryKey({ appId }) });
    } catch (caught) {
      setRestoring(null);
      setError(restoreErrorMessage(caught));
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen} trigger={<Button>History</Button>} title="Version history" description={
        <>
          Every save is a version. Builders edit the latest (the draft); operators and viewers only see the published one
          {published === null ? ", and none is published yet" : ` (version ${published})`}.
        </>
      } wide>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {status ? <Alert tone="success">{status}</Alert> : null}
      {versions.isPending ? <p role="status">Loading versions…</p> : null}
      {versions.error ? <Alert tone="error">{errorMessage(versions.error)}</Alert> : null}
      {versions.data ? (
        <>
          {/* Keyed by the draft so its defaults follow new versions. */}
          {versions.data.length > 1 ? <CompareBar key={versions.data[0]?.number} slug={slug} versions={versions.data} /> : null}
          <ul aria-label="Versions" className={styles.plainList}>
            {versions.data.map((version, index) => (
              <VersionItem
                key={version.number}
                version={version}
                isDraft={index === 0}
                previous={versions.data[index + 1]?.number ?? null}
                slug={slug}
                appId={appId}
                busy={restore.isPending}
                onRestore={() => setRestoring(version.number)}
                onPublished={(published) => {
                  setStatus(null);
                  onPublished?.(published);
                }}
              />
            ))}
          </ul>
        </>
      ) : null}
      <DialogActions cancelLabel="Close" />
      <ConfirmDialog
        open={restoring !== null}
        onOpenChange={(next) => (next ? undefined : setRestoring(null))}
        title={`Restore version ${restoring ?? ""}?`}
        description={`Its content is saved as a new version ${latestVersion + 1}. Nothing is lost: the versions after it stay in the history. The published version does not change until you publish.`}
        confirmLabel={`Restore version ${restoring ?? ""}`}
        busy={restore.isPending}
        onConfirm={() => (restoring === null ? undefined : void confirmRestore(restoring))}
      />
    </Dialog>
  );
}

/** The server's CONFLICT text speaks of saving; for a restore, say what to do instead. */
function restoreErrorMessage(error: unknown): string {
  const message = errorMessage(error);
  if (!(error instanceof TRPCClientError) || (error.data as { code?: string } | undefined)?.code !== "CONFLICT") return message;
  const [what] = message.split(". ");
  return `${what}. Nothing was restored: reload the editor to see that version, then restore again.`;
}

interface VersionItemProps {
  version: AppVersionSummary;
  isDraft: boolean;
  previous: number | null;
  slug: string;
  appId: string;
  busy: boolean;
  onRestore: () => void;
  onPublished: (version: number) => void;
}

function VersionItem({ version, isDraft, previous, slug, appId, busy, onRestore, onPublished }: VersionItemProps) {
  const headingId = `version-${version.number}-title`;
  const createdAt = new Date(version.createdAt);
  return (
    <li className={styles.versionItem} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.versionTitle}>
        Version {version.number}
        {version.published ? <Badge tone="success">Published</Badge> : null}
        {isDraft ? <Badge tone="accent">Draft</Badge> : null}
      </h3>
      <VersionMessage appId={appId} version={version.number} message={version.message} />
      <p className={styles.muted}>
        {version.authorEmail} · <time dateTime={createdAt.toISOString()} title={absoluteTime(createdAt)}>{relativeTime(createdAt)}</time> ({absoluteTime(createdAt)})
      </p>
      <div className={styles.row}>
        {previous !== null ? (
          <Button asChild size="small">
            <Link href={compareHref(slug, previous, version.number)} aria-label={`Compare version ${version.number} with version ${previous}`}>
              Compare
            </Link>
          </Button>
        ) : null}
        {!isDraft ? (
          <Button size="small" aria-label={`Restore version ${version.number}`} disabled={busy} onClick={onRestore}>
            Restore
          </Button>
        ) : null}
        {/* Kept (disabled) once published, so its "Version N is published" status stays on screen. */}
        <PublishButton appId={appId} version={version.number} size="small" disabled={version.published} onPublished={onPublished} />
      </div>
    </li>
  );
}

/** Any two versions: defaults to the one before the draft against the draft. */
function CompareBar({ slug, versions }: { slug: string; versions: AppVersionSummary[] }) {
  const [to, setTo] = useState(versions[0]?.number ?? 1);
  const [from, setFrom] = useState(versions[1]?.number ?? 1);
  const options = versions.map((version) => ({ value: String(version.number), label: `Version ${version.number}${version.message ? ` — ${version.message}` : ""}` }));
  return (
    <div className={styles.compareBar}>
      <SelectField label="From version" value={String(from)} options={options} onChange={(event) => setFrom(Number(event.target.value))} />
      <SelectField label="To version" value={String(to)} options={options} onChange={(event) => setTo(Number(event.target.value))} />
      <Button asChild>
        <Link href={compareHref(slug, from, to)}>Compare versions</Link>
      </Button>
    </div>
  );
}
