"use client";
/** "Save version": an optional message, then a new version of the app. Enter saves. */
import { useState, type FormEvent } from "react";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/surface";

export interface SaveDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  baseVersion: number;
  problemCount: number;
  busy: boolean;
  error: string | null;
  onSave: (message: string) => Promise<boolean>;
}

export function SaveDialog({ open, onOpenChange, baseVersion, problemCount, busy, error, onSave }: SaveDialogProps) {
  const [message, setMessage] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSave(message)) {
      setMessage("");
      onOpenChange(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Save version" description={`Saves version ${baseVersion + 1}. Operators keep using the published version until you publish this one.`}>
      <form onSubmit={(event) => void submit(event)} style={{ display: "grid", gap: "var(--space-3)" }}>
        <TextField label="Message" placeholder="What changed? (optional)" value={message} maxLength={500} onChange={(event) => setMessage(event.target.value)} autoFocus />
        {problemCount > 0 ? <Alert tone="info">{problemCount === 1 ? "1 problem" : `${problemCount} problems`} will be saved too; fix them before publishing.</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <DialogActions label="Save version" busyLabel="Saving…" busy={busy} />
      </form>
    </Dialog>
  );
}
