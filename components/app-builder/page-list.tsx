"use client";
/** The app's pages: switch, add, rename (the selected one) and delete (with confirmation). */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useBuilder } from "./builder-context";
import { addPage, deletePage, renamePage } from "./document-ops";
import styles from "./app-builder.module.css";

export function PageList() {
  const { doc, change, pageId, setPageId } = useBuilder();
  const [confirming, setConfirming] = useState(false);
  const current = doc.pages.find((page) => page.id === pageId) ?? doc.pages[0];
  return (
    <section aria-labelledby="pages-title" className={styles.sideSection}>
      <h2 id="pages-title" className={styles.sideTitle}>
        Pages
      </h2>
      <ul className={styles.pageList}>
        {doc.pages.map((page) => (
          <li key={page.id}>
            <button type="button" className={styles.pageButton} aria-current={page.id === current?.id ? "page" : undefined} onClick={() => setPageId(page.id)}>
              {page.name}
            </button>
          </li>
        ))}
      </ul>
      <Button
        size="small"
        onClick={() => {
          const added = addPage(doc);
          change(() => added.doc);
          setPageId(added.id);
        }}
      >
        Add page
      </Button>
      {current ? (
        <>
          <TextField label="Page name" value={current.name} onChange={(event) => change((d) => renamePage(d, current.id, event.target.value), `page:${current.id}:name`)} />
          <Button size="small" variant="ghost" disabled={doc.pages.length <= 1} onClick={() => setConfirming(true)}>
            Delete page
          </Button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Delete page?"
            description={`"${current.name}" and its ${current.widgets.length} widget${current.widgets.length === 1 ? "" : "s"} will be removed. You can undo this.`}
            confirmLabel="Delete page"
            tone="danger"
            onConfirm={() => {
              const next = doc.pages.find((page) => page.id !== current.id);
              change((d) => deletePage(d, current.id));
              if (next) setPageId(next.id);
              setConfirming(false);
            }}
          />
        </>
      ) : null}
    </section>
  );
}
