"use client";
/**
 * "Import app": an exported `.rowcraft.json` file (chosen or pasted) becomes a new app, or with
 * `appId` the next version of that app. The server validates it against this Rowcraft (data
 * sources and actions by name): schema errors stop the import; other problems come back as
 * things to fix in the editor before publishing.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { ProblemList } from "@/components/app-versions/problem-list";
import styles from "@/components/app-versions/app-versions.module.css";
import { Button } from "@/components/ui/button";
import fieldStyles from "@/components/ui/field.module.css";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/surface";
import { parseAppExport, type Problem } from "@/lib/app-document";
import type { ImportAppResult } from "@/lib/schemas/apps";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { Dialog, DialogActions } from "@/components/ui/dialog";

export type ImportedApp = Extract<ImportAppResult, { ok: true }>;

export interface ImportAppDialogProps {
  /** Import as the next version of this app; a new app when absent. */
  appId?: string;
  onImported: (result: ImportedApp) => void;
}

function problemCount(count: number): string {
  return count === 1 ? "1 problem" : `${count} problems`;
}

export function ImportAppDialog({ appId, onImported }: ImportAppDialogProps) {
  const trpc = useTRPC();
  const importApp = useMutation(trpc.apps.import.mutationOptions());
  const fileId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [message, setMessage] = useState("");
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [imported, setImported] = useState<ImportedApp | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The file's own document names the queries and widgets its problems point at.
  const shownProblems = imported?.problems.length ? imported.problems : refused;
  const fileDocument = useMemo(() => {
    if (!shownProblems?.length) return null;
    const parsed = parseAppExport(text);
    return parsed.ok ? parsed.document : null;
  }, [shownProblems, text]);
  const title = appId ? "Import a file as a new version" : "Import app";

  function reset() {
    setText("");
    setMessage("");
    setRefused(null);
    setImported(null);
    setError(null);
  }

  async function chooseFile(file: File | undefined) {
    setRefused(null);
    setError(null);
    if (!file) return;
    try {
      setText(await file.text());
    } catch (caught) {
      setError(`The file could not be read (${errorMessage(caught)}).`);
    }
  }

  async function submit() {
    setRefused(null);
    setError(null);
    if (text.trim() === "") {
      setError("Choose an exported app file or paste its JSON.");
      return;
    }
    try {
      const result = await importApp.mutateAsync({ text, message, ...(appId ? { appId } : {}) });
      if (!result.ok) {
        setRefused(result.problems);
        return;
      }
      setImported(result);
      onImported(result);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) reset();
        setOpen(next);
      }}
      trigger={<Button>{appId ? "Import" : "Import app"}</Button>}
      title={title}
      description={
        <>
          {appId
            ? "The file's pages, queries and permissions become the app's next version; its address stays the same."
            : "The file becomes a new app at the address in its \"slug\"; change it in the file if that address is taken."}{" "}
          Data sources and actions are matched by name.
        </>
      }
      wide
    >
      {imported ? (
        <>
          {imported.problems.length ? (
            <>
              <Alert tone="info">
                Imported as version {imported.version} with {problemCount(imported.problems.length)} to fix before publishing.
              </Alert>
              <ProblemList problems={imported.problems} document={fileDocument} label="Problems to fix" />
            </>
          ) : (
            <Alert tone="success">Imported as version {imported.version}.</Alert>
          )}
          <DialogActions cancelLabel="Close">
            <Button asChild variant="primary">
              <Link href={`/apps/${imported.slug}/edit`}>Open in the editor</Link>
            </Button>
          </DialogActions>
        </>
      ) : (
        <form
          className={styles.stack}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div className={fieldStyles.field}>
            <label className={fieldStyles.label} htmlFor={fileId}>
              App file
            </label>
            <input id={fileId} type="file" accept=".json,application/json" onChange={(event) => void chooseFile(event.target.files?.[0])} />
          </div>
          <TextAreaField label="Or paste the app's JSON" value={text} rows={8} spellCheck={false} onChange={(event) => setText(event.target.value)} />
          <TextField label="Message (optional)" value={message} maxLength={500} onChange={(event) => setMessage(event.target.value)} />
          {refused ? (
            <Alert tone="error">
              <p style={{ margin: 0 }}>The file was not imported: {problemCount(refused.length)}.</p>
              <ProblemList problems={refused} document={fileDocument} label="Import problems" />
            </Alert>
          ) : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <DialogActions label="Import" busyLabel="Importing…" busy={importApp.isPending} />
        </form>
      )}
    </Dialog>
  );
}
