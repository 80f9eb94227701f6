"use client";
/**
 * Choosing the action: one radio per action from `actions.list`, with its title, description,
 * what it acts on, and what to expect (danger, one run for the whole selection). Actions the
 * user's role may not run, and actions on another table than the selected rows', are listed
 * but disabled, with the reason.
 */
import { useId } from "react";
import { Badge } from "@/components/ui/surface";
import type { ActionSummary } from "@/lib/schemas/actions";
import { ROLE_LABELS } from "@/lib/roles";
import styles from "./actions.module.css";
import { tableMismatch, targetLabel } from "./run-format";

export function ActionPicker({ actions, value, onChange, table = null }: { actions: ActionSummary[]; value: string | null; onChange: (name: string) => void; table?: string | null }) {
  const name = useId();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Action</legend>
      {actions.map((action) => {
        const id = `${name}-${action.name}`;
        const mismatch = tableMismatch(action, table);
        return (
          <label key={action.name} htmlFor={id} className={styles.choice}>
            <input id={id} type="radio" name={name} value={action.name} checked={value === action.name} disabled={!action.canRun || mismatch !== null} onChange={() => onChange(action.name)} aria-labelledby={`${id}-title`} aria-describedby={action.canRun ? `${id}-text` : `${id}-role ${id}-text`} />
            <span className={styles.choiceTitle}>
              <span id={`${id}-title`}>{action.title}</span>
              {action.danger ? <Badge tone="danger">Asks to confirm</Badge> : null}
              {action.mode === "batch" ? <Badge>Once for all rows</Badge> : null}
              {action.service ? <Badge tone="accent">Service {action.service}</Badge> : null}
              {!action.canRun ? (
                <span id={`${id}-role`}>
                  <Badge tone="warning">Needs {ROLE_LABELS[action.minRole]}</Badge>
                </span>
              ) : null}
              {mismatch ? <Badge tone="warning">{mismatch}</Badge> : null}
            </span>
            <span id={`${id}-text`} className={styles.choiceText}>
              {action.description} <em>Changes {targetLabel(action)}.</em>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
