"use client";
/**
 * "Run action" on the selected rows of a grid: choose an action (`actions.list`), map its inputs
 * (suggested by name, type-checked against its JSON Schema; Run stays disabled while a mapping
 * is invalid), confirm when the action is dangerous ("Refund 3 orders?"), then start a bulk run
 * (`actions.startRun`, per-row actions) or run it once with the selection as a list
 * (`actions.run`, batch actions). In retry mode the same form maps the failed rows of a run
 * again and retries them with the new inputs. One request key per intended submit: a double
 * click starts one run.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import dialogStyles from "@/components/ui/dialog.module.css";
import { Alert } from "@/components/ui/surface";
import { DEFAULT_RUN_CONCURRENCY, type InvalidRunRow, type InvocationOutcome } from "@/lib/schemas/actions";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { ActionPicker } from "./action-picker";
import styles from "./actions.module.css";
import { fieldsOfSchema } from "./input-fields";
import { mergeMapping, suggestMapping, type ActionShape, type Mapping, type MappableColumn } from "./mapping";
import { buildBatchInput, buildRunItems, checkMapping, type SelectedRow } from "./mapping-check";
import { MappingFields } from "./mapping-fields";
import { loadMapping, saveMapping } from "./mapping-storage";
import { actionOnRows, confirmTitle, countLabel, newRequestKey, rowKeyLabel } from "./run-format";

export interface BatchOutcome {
  title: string;
  rowKeys: string[];
  outcome: InvocationOutcome;
}

export type RunDialogTarget =
  | { kind: "start" }
  | { kind: "retry"; action: string; retryWith: (inputs: { rowKey: string; input: Record<string, unknown> }[]) => Promise<void>; notShown: number };

export interface RunActionDialogProps {
  /** The table's name (suggestions: `id` → `orderId` on `orders`) and a storage scope for the last mapping. */
  table: string;
  scope: string;
  columns: readonly MappableColumn[];
  rows: readonly SelectedRow[];
  target: RunDialogTarget;
  onClose: () => void;
  onStarted: (runId: string) => void;
  onBatchDone: (result: BatchOutcome) => void;
  onRetried: () => void;
}

const PER_ROW: ActionShape = { mode: "perRow", selectionField: null };
const LISTED_INVALID = 20;

export function RunActionDialog({ table, scope, columns, rows, target, onClose, onStarted, onBatchDone, onRetried }: RunActionDialogProps) {
  const trpc = useTRPC();
  const list = useQuery(trpc.actions.list.queryOptions(undefined, { staleTime: 60_000, retry: false }));
  const startRun = useMutation(trpc.actions.startRun.mutationOptions());
  const runOnce = useMutation(trpc.actions.run.mutationOptions());
  const [actionName, setActionName] = useState<string | null>(target.kind === "retry" ? target.action : null);
  const [edited, setEdited] = useState<Record<string, Mapping>>({});
  const [runtime, setRuntime] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [invalid, setInvalid] = useState<{ message: string; rows: InvalidRunRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submitKey = useRef<{ payload: string; key: string } | null>(null);
  const inFlight = useRef(false);
  const readyId = useId();

  const action = list.data?.find((candidate) => candidate.name === actionName) ?? null;
  const shape = useMemo<ActionShape>(() => (action ? { mode: action.mode, selectionField: action.selectionField } : PER_ROW), [action]);
  const fields = useMemo(() => (action ? fieldsOfSchema(action.inputSchema) : []), [action]);
  const suggestion = useMemo(() => suggestMapping(fields, columns, table, shape), [fields, columns, table, shape]);
  const initial = useMemo(() => (action ? mergeMapping(loadMapping(scope, action.name), suggestion.mapping, fields, columns, shape) : {}), [action, scope, suggestion, fields, columns, shape]);
  const mapping = (actionName ? edited[actionName] : undefined) ?? initial;
  const mappingInput = { fields, shape, columns, rows, mapping, runtime };
  const check = checkMapping(mappingInput);
  // Nothing wrong but run-time values not typed yet: a to-do, not an error.
  const onlyValuesMissing = check.general.length === 0 && Object.values(check.fields).every((problem) => problem === null) && Object.keys(check.runtime).every((name) => check.runtime[name] === null || (runtime[name] ?? "").trim() === "");
  const busy = startRun.isPending || runOnce.isPending || retrying;
  const count = rows.length;

  /** The same payload keeps its key (a double click, a retry after a network error); a changed one gets a new key. */
  function keyFor(payload: string): string {
    if (submitKey.current?.payload !== payload) submitKey.current = { payload, key: newRequestKey() };
    return submitKey.current.key;
  }

  async function submit(confirmed: boolean) {
    if (!action || !check.ok || busy || inFlight.current) return;
    if (action.danger && !confirmed) {
      setConfirming(true);
      return;
    }
    // A second click before React re-renders the disabled button is ignored here; one from another tab reuses the key.
    inFlight.current = true;
    setConfirming(false);
    setError(null);
    setInvalid(null);
    saveMapping(scope, action.name, mapping);
    const confirmation = action.danger ? { confirmed: true } : {};
    try {
      if (target.kind === "retry") {
        setRetrying(true);
        await target.retryWith(buildRunItems(mappingInput));
        onRetried();
      } else if (action.mode === "perRow") {
        const items = buildRunItems(mappingInput);
        const requestKey = keyFor(JSON.stringify([action.name, items]));
        const result = await startRun.mutateAsync({ action: action.name, items, concurrency: DEFAULT_RUN_CONCURRENCY, requestKey, ...confirmation });
        if (result.status === "invalid") setInvalid({ message: result.message, rows: result.invalidRows });
        else onStarted(result.runId);
      } else {
        const input = buildBatchInput(mappingInput);
        const idempotencyKey = keyFor(JSON.stringify([action.name, input]));
        const outcome = await runOnce.mutateAsync({ action: action.name, input, idempotencyKey, ...confirmation });
        onBatchDone({ title: action.title, rowKeys: rows.map((row) => row.rowKey), outcome });
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      inFlight.current = false;
      setRetrying(false);
    }
  }

  const title = target.kind === "retry" ? `Retry failed rows: ${action?.title ?? target.action}` : `Run an action on ${countLabel(count)} of ${table}`;
  const submitLabel = target.kind === "retry" ? `Retry ${countLabel(count)}` : action?.mode === "batch" ? `Run once on ${countLabel(count)}` : `Run on ${countLabel(count)}`;

  return (
    <Dialog open onOpenChange={(open) => (open || busy ? undefined : onClose())} title={title} description={
        <>
          {target.kind === "retry"
            ? `Map the inputs again for the ${countLabel(count, "failed row")} shown in the grid, then retry them. Each row keeps its idempotency key, so a row that in fact went through is not repeated.`
            : "Choose an action, then say where each of its inputs comes from: a column of the selected rows, a constant, or a value you type for this run."}
        </>
      } wide>
      {target.kind === "retry" && target.notShown > 0 ? (
        <Alert tone="info">{countLabel(target.notShown, "other failed row")} not loaded in this grid will be retried with {target.notShown === 1 ? "its" : "their"} earlier input.</Alert>
      ) : null}
      {list.isPending ? <p role="status">Loading actions…</p> : null}
      {list.error ? <Alert tone="error">{errorMessage(list.error)}</Alert> : null}
      {target.kind === "start" && list.data ? (
        list.data.length ? <ActionPicker actions={list.data} value={actionName} onChange={setActionName} table={table} /> : <Alert tone="info">No actions are registered yet; engineers add them under actions/ (see docs/actions.md).</Alert>
      ) : null}
      {action ? (
        <MappingFields
          fields={fields}
          shape={shape}
          columns={columns}
          mapping={mapping}
          onMappingChange={(next) => setEdited((previous) => ({ ...previous, [action.name]: next }))}
          runtime={runtime}
          onRuntimeChange={setRuntime}
          check={check}
          suggested={suggestion.mapping}
          reasons={suggestion.reasons}
        />
      ) : null}
      {action && check.general.length ? (
        <Alert tone="error">{target.kind === "retry" && count === 0 ? "None of the failed rows is loaded in this grid; use Retry failed to run them again with their earlier input." : check.general.join(" ")}</Alert>
      ) : null}
      {invalid ? (
        <Alert tone="error">
          <p style={{ margin: 0 }}>{invalid.message}</p>
          <ul aria-label="Rows that cannot run" style={{ margin: "var(--space-2) 0 0", paddingLeft: "var(--space-5)" }}>
            {invalid.rows.slice(0, LISTED_INVALID).map((row) => (
              <li key={row.rowKey}>
                Row {rowKeyLabel(row.rowKey)}: {row.errors.map((fieldError) => (fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message)).join("; ")}
              </li>
            ))}
            {invalid.rows.length > LISTED_INVALID ? <li>and {invalid.rows.length - LISTED_INVALID} more rows</li> : null}
          </ul>
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className={`${dialogStyles.actions} ${styles.stickyActions}`} style={{ alignItems: "center" }}>
        <p id={readyId} className={styles.muted} style={{ marginRight: "auto" }}>
          {!action ? "Choose an action." : check.ok ? (action.danger ? "You will be asked to confirm." : "Ready to run.") : onlyValuesMissing ? "Type the values for this run." : "Fix the flagged inputs to run."}
        </p>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant={action?.danger ? "danger" : "primary"} disabled={!action || !check.ok || busy} aria-describedby={readyId} onClick={() => void submit(false)}>
          {busy ? "Starting…" : submitLabel}
        </Button>
      </div>
      {action?.danger ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={confirmTitle(action.title, count)}
          description={action.danger.confirm}
          confirmLabel={actionOnRows(action.title, count)}
          tone="danger"
          busy={busy}
          onConfirm={() => void submit(true)}
        >
          <p className={styles.muted}>
            {action.title} runs on {countLabel(count)} of {table}
            {action.mode === "perRow" ? `, ${DEFAULT_RUN_CONCURRENCY} at a time` : " in one invocation"}. Every run is recorded in the audit log.
          </p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}
