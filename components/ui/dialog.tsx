"use client";
/**
 * Modal dialogs on Radix (focus trap, Esc to close, labelled by their title): `Dialog` is the
 * frame every dialog uses, `DialogActions` its footer (Cancel, then the main button), and
 * `ConfirmDialog` the yes/no question built from both.
 */
import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { Button } from "./button";
import styles from "./dialog.module.css";

export interface DialogProps {
  /** Controlled when given; otherwise the trigger opens it. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The button that opens it (rendered as the Radix trigger). */
  trigger?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** For dialogs with lists or long forms: wider, scrolling inside. */
  wide?: boolean;
  children?: ReactNode;
}

export function Dialog({ open, onOpenChange, trigger, title, description, wide = false, children }: DialogProps) {
  return (
    <RadixDialog.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={styles.overlay} />
        {/* Without a description, say so explicitly (Radix otherwise points aria-describedby at nothing). */}
        <RadixDialog.Content className={wide ? `${styles.content} ${styles.wide}` : styles.content} {...(description ? {} : { "aria-describedby": undefined })}>
          <RadixDialog.Title className={styles.title}>{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className={styles.description}>{description}</RadixDialog.Description> : null}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export interface DialogActionsProps {
  /** The main button's text; "Saving…"-style text while `busy` when `busyLabel` is given. None: only the close button (or `children`). */
  label?: ReactNode;
  busyLabel?: ReactNode;
  busy?: boolean;
  tone?: "primary" | "danger";
  /** Without it the main button submits the form the actions sit in. */
  onClick?: () => void;
  cancelLabel?: string;
  /** Other main controls (a link styled as a button), after the close button. */
  children?: ReactNode;
}

/** Cancel (closes the dialog) and the main button, right-aligned. */
export function DialogActions({ label, busyLabel, busy = false, tone = "primary", onClick, cancelLabel = "Cancel", children }: DialogActionsProps) {
  return (
    <div className={styles.actions}>
      <RadixDialog.Close asChild>
        <Button>{cancelLabel}</Button>
      </RadixDialog.Close>
      {label === undefined ? null : (
        <Button type={onClick ? "button" : "submit"} variant={tone} onClick={onClick} disabled={busy}>
          {busy && busyLabel ? busyLabel : label}
        </Button>
      )}
      {children}
    </div>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: "primary" | "danger";
  busy?: boolean;
  onConfirm: () => void;
  children?: ReactNode;
}

export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, tone = "primary", busy = false, onConfirm, children }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {children}
      <DialogActions label={confirmLabel} tone={tone} busy={busy} onClick={onConfirm} />
    </Dialog>
  );
}
