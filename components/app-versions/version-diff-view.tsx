"use client";
/**
 * The diff between two versions of an app (/apps/<slug>/versions?from=A&to=B): both chosen
 * here, kept in the URL so a link shows the same comparison, compared in the browser with
 * diffAppDocuments. From here the "from" version can be restored.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { Alert, Card } from "@/components/ui/surface";
import { diffAppDocuments } from "@/lib/app-document";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import styles from "./app-versions.module.css";
import { compareHref } from "./compare-link";
import { DiffList } from "./diff-list";

export interface VersionDiffViewProps {
  appId: string;
  slug: string;
  latestVersion: number;
  /** From the URL; null when absent or not a number. */
  from: number | null;
  to: number | null;
}

function missing(version: number, latest: number): string {
  return `Version ${version} does not exist: this app has ${latest === 1 ? "only version 1" : `versions 1 to ${latest}`}.`;
}

export function VersionDiffView({ appId, slug, latestVersion, from: fromParam, to: toParam }: VersionDiffViewProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.apps.versions.queryOptions({ appId }, { staleTime: 0 }));
  const latest = versions.data?.[0]?.number ?? latestVersion;
  // Chosen here and mirrored into the URL without a server round trip (Next keeps
  // useSearchParams in step with history.replaceState), so two quick changes never race.
  const [chosen, setChosen] = useState<{ from: number | null; to: number | null }>({ from: fromParam, to: toParam });
  const to = chosen.to ?? latest;
  const from = chosen.from ?? Math.max(1, to - 1);
  const fromMissing = from < 1 || from > latest;
  const toMissing = to < 1 || to > latest;
  const before = useQuery(trpc.apps.version.queryOptions({ appId, version: Math.max(1, from) }, { enabled: !fromMissing, retry: false }));
  const after = useQuery(trpc.apps.version.queryOptions({ appId, version: Math.max(1, to) }, { enabled: !toMissing, retry: false }));
  const diff = useMemo(() => (before.data && after.data ? diffAppDocuments(before.data.document, after.data.document) : null), [before.data, after.data]);
  const restore = useMutation(trpc.apps.restore.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [restored, setRestored] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const options = (versions.data ?? Array.from({ length: latest }, (_, i) => ({ number: latest - i, message: "", published: false }))).map((version) => ({
    value: String(version.number),
    label: `Version ${version.number}${version.published ? " (published)" : ""}${version.message ? ` — ${version.message}` : ""}`,
  }));
  // A missing version stays selectable so the select shows what the URL asked for.
  for (const wanted of [from, to]) if (!options.some((option) => option.value === String(wanted))) options.push({ value: String(wanted), label: `Version ${wanted} (does not exist)` });

  function choose(nextFrom: number, nextTo: number) {
    setChosen({ from: nextFrom, to: nextTo });
    window.history.replaceState(null, "", compareHref(slug, nextFrom, nextTo));
  }

  async function confirmRestore() {
    setError(null);
    try {
      const result = await restore.mutateAsync({ appId, version: from, baseVersion: latest });
      setConfirming(false);
      setRestored(result.version);
      await queryClient.invalidateQueries({ queryKey: trpc.apps.versions.queryKey({ appId }) });
    } catch (caught) {
      setConfirming(false);
      setError(errorMessage(caught));
    }
  }

  const loadError = before.error ?? after.error;
  return (
    <div className={styles.stack}>
      <div className={styles.compareBar}>
        <SelectField label="From version" value={String(from)} options={options} onChange={(event) => choose(Number(event.target.value), to)} />
        <SelectField label="To version" value={String(to)} options={options} onChange={(event) => choose(from, Number(event.target.value))} />
        <span className={styles.spacer} />
        {/* Restoring the draft itself would only copy it. */}
        <Button disabled={fromMissing || from === latest || restore.isPending} onClick={() => setConfirming(true)}>
          Restore version {from}
        </Button>
        <Button asChild variant="primary">
          <Link href={`/apps/${slug}/edit`}>Back to the editor</Link>
        </Button>
      </div>
      {restored !== null ? (
        <Alert tone="success">
          Version {from} was restored as version {restored}. <Link href={compareHref(slug, from, restored)}>Compare them</Link> or go back to the editor.
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {fromMissing ? <Alert tone="error">{missing(from, latest)}</Alert> : null}
      {toMissing ? <Alert tone="error">{missing(to, latest)}</Alert> : null}
      {loadError ? <Alert tone="error">{errorMessage(loadError)}</Alert> : null}
      {!fromMissing && !toMissing && !loadError && !diff ? <p role="status">Loading versions…</p> : null}
      {diff ? (
        <Card>
          <h2 className={styles.sectionTitle} style={{ marginBottom: "var(--space-3)" }}>
            Changes from version {from} to version {to}
          </h2>
          <DiffList diff={diff} />
        </Card>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Restore version ${from}?`}
        description={`Its content is saved as a new version ${latest + 1}. Nothing is lost: later versions stay in the history. The published version does not change until you publish.`}
        confirmLabel={`Restore version ${from}`}
        busy={restore.isPending}
        onConfirm={() => void confirmRestore()}
      />
    </div>
  );
}
