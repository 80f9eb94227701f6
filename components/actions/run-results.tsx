"use client";
/**
 * The per-row results of a bulk run: a table of rows (ok with what the action returned, or the
 * error message), filtered by state, 100 at a time so a 10,000-row run stays quick.
 */
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Badge, DataTable } from "@/components/ui/surface";
import type { ItemStatus, RunItemView } from "@/lib/schemas/actions";
import styles from "./actions.module.css";
import { ITEM_STATUS_TEXT, ITEM_STATUS_TONE, rowKeyLabel } from "./run-format";

const PAGE = 100;
type Filter = "all" | "failed" | "ok" | "open";

const MATCHES: Record<Filter, (status: ItemStatus) => boolean> = {
  all: () => true,
  failed: (status) => status === "failed" || status === "interrupted",
  ok: (status) => status === "ok",
  open: (status) => status === "pending" || status === "running" || status === "cancelled",
};

const BADGE = { neutral: "neutral", success: "success", danger: "danger", warning: "warning" } as const;

/** What an ok row returned, briefly: "refundId: 9, orderId: 70605, amountCents: 5118016 …". */
function resultText(result: unknown): string {
  if (result === null || result === undefined) return "";
  if (typeof result !== "object") return String(result);
  const entries = Object.entries(result as Record<string, unknown>);
  const shown = entries.slice(0, 4).map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  return shown.join(", ") + (entries.length > 4 ? " …" : "");
}

export function RunResults({ items }: { items: RunItemView[] }) {
  const [filter, setFilter] = useState<Filter>("all");
  const [shown, setShown] = useState(PAGE);
  const counts = useMemo(() => {
    const out: Record<Filter, number> = { all: items.length, failed: 0, ok: 0, open: 0 };
    for (const item of items) for (const key of ["failed", "ok", "open"] as const) if (MATCHES[key](item.status)) out[key] += 1;
    return out;
  }, [items]);
  const visible = useMemo(() => items.filter((item) => MATCHES[filter](item.status)), [items, filter]);

  return (
    <div className={styles.stack}>
      <div className={styles.row} style={{ alignItems: "flex-end" }}>
        <SelectField
          label="Show rows"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value as Filter);
            setShown(PAGE);
          }}
          options={[
            { value: "all", label: `All (${counts.all})` },
            { value: "failed", label: `Failed or interrupted (${counts.failed})` },
            { value: "ok", label: `Done (${counts.ok})` },
            { value: "open", label: `Not finished (${counts.open})` },
          ]}
        />
      </div>
      <DataTable aria-label="Row results">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Result</th>
            <th scope="col">Details</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {visible.slice(0, shown).map((item) => (
            <tr key={item.rowKey}>
              <th scope="row" style={{ fontWeight: 500 }}>
                {rowKeyLabel(item.rowKey)}
              </th>
              <td>
                <Badge tone={BADGE[ITEM_STATUS_TONE[item.status]]}>{ITEM_STATUS_TEXT[item.status]}</Badge>
              </td>
              <td className={item.status === "failed" ? styles.errorText : styles.code}>{item.status === "failed" ? item.error : resultText(item.result)}</td>
              <td>{item.attempts}</td>
            </tr>
          ))}
          {visible.length === 0 ? (
            <tr>
              <td colSpan={4} className={styles.muted}>
                No rows in this state.
              </td>
            </tr>
          ) : null}
        </tbody>
      </DataTable>
      {visible.length > shown ? (
        <div>
          <Button size="small" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, visible.length - shown)} more of {visible.length - shown}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
