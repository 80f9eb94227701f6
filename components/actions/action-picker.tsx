"use client";
/**
 * Choosing the action: one radio per action from `actions.list`, with its title, description,
 * and what to expect (danger, one run for the whole selection). Actions the user's role may not
 * run are listed but disabled, with the role they need.
 */
import { useId } from "react";
import { Badge } from "@/components/ui/surface";
import type { ActionSummary } from "@/lib/schemas/actions";
import { ROLE_LABELS } from "@/lib/roles";
import styles from "./actions.module.css";

export function ActionPicker({ actions, value, onChange }: { actions: ActionSummary[]; value: string | null; onChange: (name: string) => void }) {
  const name = useId();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Action</legend>
      {actions.map((action) => {
        const id = `${name}-${action.name}`;
        return (
          <label key={action.name} htmlFor={id} className={styles.choice}>
            <input id={id} type="radio" name={name} value={action.name} checked={value === action.name} disabled={!action.canRun} onChange={() => onChange(action.name)} aria-labelledby={`${id}-title`} aria-describedby={action.canRun ? `${id}-text` : `${id}-role ${id}-text`} />
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
            </span>
            <span id={`${id}-text`} className={styles.choiceText}>
              {action.description}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
