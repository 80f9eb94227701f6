"use client";
/**
 * A version's message in History, editable afterwards: saving (Ctrl/⌘+S) asks for no message,
 * so this is where a builder writes what changed. Only the message changes; the version does not.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/surface";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import styles from "./app-versions.module.css";

export function VersionMessage({ appId, version, message }: { appId: string; version: number; message: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const edit = useMutation(trpc.apps.editVersionMessage.mutationOptions());
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    setError(null);
    try {
      await edit.mutateAsync({ appId, version, message: draft });
      await queryClient.invalidateQueries({ queryKey: trpc.apps.versions.queryKey({ appId }) });
      setDraft(null);
    } catch (caught) {
      setError(`The message was not changed: ${errorMessage(caught)}`);
    }
  };

  if (draft === null) {
    return (
      <div className={styles.row}>
        <p style={{ margin: 0 }}>{message || <span className={styles.muted}>No message</span>}</p>
        <Button size="small" variant="ghost" aria-label={`Edit the message of version ${version}`} onClick={() => setDraft(message)}>
          Edit message
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} className={styles.row}>
      <TextField
        label={`Message of version ${version}`}
        placeholder="What changed?"
        value={draft}
        maxLength={500}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          // Escape cancels this edit only, not the whole History dialog.
          if (event.key === "Escape") {
            event.preventDefault();
            event.stopPropagation();
            setDraft(null);
          }
        }}
      />
      <Button size="small" type="submit" disabled={edit.isPending}>
        {edit.isPending ? "Saving…" : "Save message"}
      </Button>
      <Button size="small" variant="ghost" onClick={() => setDraft(null)}>
        Cancel
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}
