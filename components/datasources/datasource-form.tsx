"use client";
/**
 * Add or edit a data source (admins): connection, access policy, "Test connection", save and
 * remove. What was typed survives every failure; the stored password is never shown or sent.
 */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Card } from "@/components/ui/surface";
import type { ConnectionView, Policy } from "@/lib/schemas/datasources";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { ConnectionFields } from "./connection-fields";
import { PolicyFields } from "./policy-fields";
import { initialFormState, toConnectionInput, toSaveInput, type DatasourceFormState, type FormErrors } from "./form-state";

export interface DatasourceFormProps {
  existing?: { id: string; name: string; isDemo: boolean; connection: ConnectionView; policy: Policy };
}

export function DatasourceForm({ existing }: DatasourceFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [state, setState] = useState<DatasourceFormState>(() => initialFormState(existing));
  const [errors, setErrors] = useState<FormErrors>({});
  const [confirmRemove, setConfirmRemove] = useState(false);
  const update = (patch: Partial<DatasourceFormState>) => setState((previous) => ({ ...previous, ...patch }));

  const save = useMutation(
    trpc.datasources.save.mutationOptions({
      onSuccess: (saved) => {
        router.push(`/data-sources/${saved.id}?saved=1`);
        router.refresh();
      },
    }),
  );
  const test = useMutation(trpc.datasources.test.mutationOptions());
  const remove = useMutation(
    trpc.datasources.remove.mutationOptions({
      onSuccess: () => {
        router.push("/data-sources");
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = toSaveInput(state, existing?.id);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.input);
  }

  function runTest() {
    test.reset();
    const result = toSaveInput(state, existing?.id);
    const connectionErrors = result.ok ? {} : result.errors;
    if (!result.ok && Object.keys(connectionErrors).some((key) => !["name", "read", "write", "timeoutSeconds", "rowCap"].includes(key))) {
      setErrors(connectionErrors);
      return;
    }
    test.mutate({ id: existing?.id, connection: toConnectionInput(state, Boolean(existing)) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? `Edit ${existing.name}` : "New data source"} style={{ display: "grid", gap: "var(--space-4)", maxWidth: 760 }}>
      {save.error ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Card style={{ display: "grid", gap: "var(--space-3)" }}>
        <h2 style={{ fontSize: "var(--text-lg)" }}>Connection</h2>
        <ConnectionFields state={state} errors={errors} update={update} isEdit={Boolean(existing)} />
        <div style={{ display: "flex", gap: "var(--space-3)", alignItems: "center", flexWrap: "wrap" }}>
          <Button onClick={runTest} disabled={test.isPending}>
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
          {test.data?.ok ? (
            <Alert tone="success">
              Connected in {test.data.durationMs} ms — {test.data.serverVersion}
            </Alert>
          ) : null}
          {test.data && !test.data.ok ? <Alert tone="error">{test.data.message}</Alert> : null}
          {test.error ? <Alert tone="error">{errorMessage(test.error)}</Alert> : null}
        </div>
      </Card>
      <Card style={{ display: "grid", gap: "var(--space-3)" }}>
        <h2 style={{ fontSize: "var(--text-lg)" }}>Access policy</h2>
        <PolicyFields state={state} errors={errors} update={update} />
      </Card>
      <div style={{ display: "flex", gap: "var(--space-3)" }}>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : existing ? "Save changes" : "Add data source"}
        </Button>
        {existing ? (
          <Button variant="danger" onClick={() => setConfirmRemove(true)}>
            Remove data source
          </Button>
        ) : null}
      </div>
      {existing ? (
        <ConfirmDialog
          open={confirmRemove}
          onOpenChange={setConfirmRemove}
          title={`Remove ${existing.name}?`}
          description="Queries and apps that use it will stop working. The database itself is not touched."
          confirmLabel="Remove"
          tone="danger"
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: existing.id })}
        >
          {remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
