"use client";
/** Workbench controls: source, read/write mode, Format, Run / Cancel, and Preview / Run write with confirmation. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import type { QueryMode } from "@/lib/schemas/queries";
import type { WorkbenchSource } from "./workbench";

interface Props {
  sources: WorkbenchSource[];
  sourceId: string;
  onSourceChange: (id: string) => void;
  mode: QueryMode;
  onModeChange: (mode: QueryMode) => void;
  canWrite: boolean;
  isRunning: boolean;
  onRun: () => void;
  onPreview: () => void;
  onCancel: () => void;
  onFormat: () => void;
  sourceName: string;
}

export function QueryToolbar(props: Props) {
  const [confirmWrite, setConfirmWrite] = useState(false);
  const isWrite = props.mode === "write";
  return (
    <div style={{ display: "flex", gap: "var(--space-3)", alignItems: "flex-end", flexWrap: "wrap" }}>
      <SelectField label="Data source" value={props.sourceId} onChange={(event) => props.onSourceChange(event.target.value)} options={props.sources.map((source) => ({ value: source.id, label: source.name }))} />
      <SelectField
        label="Mode"
        value={props.mode}
        onChange={(event) => props.onModeChange(event.target.value === "write" ? "write" : "read")}
        options={[{ value: "read", label: "Read" }, ...(props.canWrite ? [{ value: "write", label: "Write" }] : [])]}
      />
      <Button onClick={props.onFormat}>Format</Button>
      {props.isRunning ? (
        <Button variant="danger" onClick={props.onCancel}>
          Cancel
        </Button>
      ) : isWrite ? (
        <>
          <Button onClick={props.onPreview}>Preview changes</Button>
          <Button variant="primary" onClick={() => setConfirmWrite(true)}>
            Run write
          </Button>
        </>
      ) : (
        <Button variant="primary" onClick={props.onRun} title="Ctrl/Cmd+Enter">
          Run
        </Button>
      )}
      <span style={{ color: "var(--color-text-muted)", fontSize: "var(--text-sm)", paddingBottom: 8 }}>Ctrl/Cmd+Enter {isWrite ? "previews" : "runs"}</span>
      <ConfirmDialog
        open={confirmWrite}
        onOpenChange={setConfirmWrite}
        title={`Change data in ${props.sourceName}?`}
        description="The write runs in one transaction through the guard and is recorded in the audit log. Use Preview changes first to see how many rows it changes."
        confirmLabel="Run write"
        tone="danger"
        onConfirm={() => {
          setConfirmWrite(false);
          props.onRun();
        }}
      />
    </div>
  );
}
