"use client";
/**
 * The builder's top bar: the app's name, whether the edits are saved, Save, Undo/Redo, Preview,
 * the version tools (history, publish, permissions, export, import) and a link to the app.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/surface";
import { HelpPanel } from "./help-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import styles from "./app-builder.module.css";

export interface BuilderTopBarProps {
  name: string;
  onNameChange: (name: string) => void;
  nameError: string | null;
  slug: string;
  baseVersion: number;
  publishedVersion: number | null;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onSave: () => void;
  isSaving: boolean;
  preview: boolean;
  onPreviewChange: (preview: boolean) => void;
  /** The version components, placed after Preview. */
  versionTools: ReactNode;
}

export function BuilderTopBar(props: BuilderTopBarProps) {
  const { name, onNameChange, nameError, slug, baseVersion, publishedVersion, dirty, preview } = props;
  return (
    <header className={styles.topBar}>
      <div className={styles.nameBlock}>
        <input className={styles.nameInput} aria-label="App name" value={name} aria-invalid={nameError ? true : undefined} title={nameError ?? undefined} onChange={(event) => onNameChange(event.target.value)} />
        <span role="status" className={styles.saveState}>
          {dirty ? <Badge tone="warning">Unsaved changes</Badge> : <span>Saved as version {baseVersion}</span>}
          {publishedVersion !== null ? <span className={styles.muted}> · version {publishedVersion} published</span> : <span className={styles.muted}> · not published</span>}
        </span>
      </div>
      <div className={styles.toolbar} role="toolbar" aria-label="Builder">
        <Button size="small" variant="ghost" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl/⌘+Z)">
          Undo
        </Button>
        <Button size="small" variant="ghost" onClick={props.onRedo} disabled={!props.canRedo} title="Redo (Ctrl/⌘+Shift+Z)">
          Redo
        </Button>
        {/* Publish is the one primary action; saving is frequent and quiet (Ctrl/⌘+S, no dialog). */}
        <Button size="small" onClick={props.onSave} disabled={props.isSaving} title="Save a version (Ctrl/⌘+S); add its message later in History">
          {props.isSaving ? "Saving…" : "Save"}
        </Button>
        <Button size="small" aria-pressed={preview} onClick={() => props.onPreviewChange(!preview)} title="Use the app as operators will">
          Preview
        </Button>
        {props.versionTools}
        <ShortcutsHelp />
        <HelpPanel />
        <Button size="small" variant="ghost" asChild>
          <Link href={`/apps/${slug}`} target="_blank">
            Open app
          </Link>
        </Button>
      </div>
    </header>
  );
}
