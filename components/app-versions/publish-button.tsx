"use client";
/**
 * Publishes one version: a confirmation first (operators and viewers switch to it at once),
 * then `apps.publish`. The server refuses a version with problems; they are listed with where
 * they are, and choosing one asks the editor to show it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogActions } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/surface";
import type { AppDocument, Problem } from "@/lib/app-document";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import styles from "./app-versions.module.css";
import { ProblemList } from "./problem-list";

export interface PublishButtonProps {
  appId: string;
  version: number;
  disabled?: boolean;
  /** Small in lists such as the history. */
  size?: "normal" | "small";
  onPublished: (version: number) => void;
  onShowProblem?: (path: string) => void;
}

export function PublishButton({ appId, version, disabled = false, size = "normal", onPublished, onShowProblem }: PublishButtonProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const publish = useMutation(trpc.apps.publish.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [refused, setRefused] = useState<{ problems: Problem[]; document: AppDocument | null } | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    setPublished(null);
    try {
      const result = await publish.mutateAsync({ appId, version });
      setConfirming(false);
      if (result.ok) {
        setPublished(result.publishedVersion);
        onPublished(result.publishedVersion);
        void queryClient.invalidateQueries({ queryKey: trpc.apps.versions.queryKey({ appId }) });
        return;
      }
      // The document names the widgets and queries the problem paths point into.
      const document = await queryClient
        .fetchQuery(trpc.apps.version.queryOptions({ appId, version }))
        .then((answer) => answer.document)
        .catch(() => null);
      setRefused({ problems: result.problems, document });
    } catch (caught) {
      setConfirming(false);
      setError(errorMessage(caught));
    }
  }

  return (
    <>
      <Button variant="primary" size={size} aria-label={`Publish version ${version}`} disabled={disabled || publish.isPending} onClick={() => setConfirming(true)}>
        {publish.isPending ? "Publishing…" : "Publish"}
      </Button>
      {published !== null ? <span role="status" className={styles.muted}>Version {published} is published</span> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Publish version ${version}?`}
        description="Operators and viewers will see it instead of the version they see now. You can publish another version at any time."
        confirmLabel="Publish"
        busy={publish.isPending}
        onConfirm={() => void confirm()}
      />
      <Dialog open={refused !== null} onOpenChange={(open) => (open ? undefined : setRefused(null))} title={
          <>
            Version {version} cannot be published
          </>
        } description={
          <>
            {refused?.problems.length === 1 ? "1 problem" : `${refused?.problems.length ?? 0} problems`} must be fixed first; operators never get a broken app.
            {onShowProblem ? " Choose one to see it in the editor." : null}
          </>
        } wide>
        <ProblemList
          problems={refused?.problems ?? []}
          document={refused?.document}
          onShowProblem={
            onShowProblem
              ? (path) => {
                  setRefused(null);
                  onShowProblem(path);
                }
              : undefined
          }
        />
        <DialogActions cancelLabel="Close" />
      </Dialog>
    </>
  );
}
