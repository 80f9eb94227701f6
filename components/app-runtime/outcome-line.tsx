"use client";
/** The result of the last run next to a widget: role="status" when it worked, role="alert" when not. */
import styles from "./app-runtime.module.css";
import type { Outcome } from "./use-action-invoke";
import { WidgetError } from "./widget-frame";

export function OutcomeLine({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.tone === "error") return <WidgetError message={outcome.text} />;
  return (
    <p role="status" className={styles.resultOk} style={{ margin: 0 }}>
      {outcome.text}
    </p>
  );
}
