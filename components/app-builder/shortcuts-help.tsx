"use client";
/** The "Shortcuts" button and the list of keyboard shortcuts it shows (Escape or the button closes it). */
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SHORTCUTS } from "./shortcuts";
import styles from "./app-builder.module.css";

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !box.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener("keydown", close);
    window.addEventListener("mousedown", close);
    return () => {
      window.removeEventListener("keydown", close);
      window.removeEventListener("mousedown", close);
    };
  }, [open]);
  return (
    <div className={styles.popoverAnchor} ref={box}>
      <Button size="small" variant="ghost" aria-expanded={open} aria-controls="builder-shortcuts" onClick={() => setOpen(!open)}>
        Shortcuts
      </Button>
      {open ? (
        <div id="builder-shortcuts" role="dialog" aria-label="Keyboard shortcuts" className={styles.popover}>
          <dl className={styles.shortcuts}>
            {SHORTCUTS.map((shortcut) => (
              <div key={shortcut.keys}>
                <dt>
                  <kbd>{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.does}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
