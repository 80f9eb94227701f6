"use client";
/** Registers an action service. Rowcraft reads its manifest before saving, so a wrong URL or secret shows up here. */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert, Card } from "@/components/ui/surface";
import { addActionServiceInput, type AddActionServiceInput } from "@/lib/schemas/action-services";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

const EMPTY: AddActionServiceInput = { name: "", url: "", secret: "" };

export function AddActionServiceForm({ onAdded }: { onAdded: () => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof AddActionServiceInput, string>>>({});
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(
    trpc.actionServices.add.mutationOptions({
      onSuccess: (service) => {
        setAdded(`Registered ${service.name} with ${service.actions.length} action${service.actions.length === 1 ? "" : "s"}.`);
        setValues(EMPTY);
        onAdded();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const parsed = addActionServiceInput.safeParse(values);
    if (!parsed.success) {
      const errors: Partial<Record<keyof AddActionServiceInput, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof AddActionServiceInput] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    add.mutate(parsed.data);
  }

  const set = (key: keyof AddActionServiceInput) => (value: string) => setValues((previous) => ({ ...previous, [key]: value }));
  return (
    <Card>
      <h2 style={{ fontSize: "var(--text-lg)", marginBottom: "var(--space-4)" }}>Register an action service</h2>
      <form onSubmit={submit} noValidate style={{ display: "grid", gap: "var(--space-3)", gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))", alignItems: "start" }}>
        <TextField label="Name" value={values.name} onChange={(event) => set("name")(event.target.value)} error={fieldErrors.name} hint="kebab-case; prefixes its actions (billing.close-invoice)." />
        <TextField label="Endpoint URL" type="url" value={values.url} onChange={(event) => set("url")(event.target.value)} error={fieldErrors.url} hint="Where the service mounts its handler." />
        <TextField
          label="Shared secret"
          type="password"
          autoComplete="new-password"
          value={values.secret}
          onChange={(event) => set("secret")(event.target.value)}
          error={fieldErrors.secret}
          hint="The service's secret, ≥ 32 characters. Stored encrypted; never shown again."
        />
        <div style={{ gridColumn: "1 / -1", display: "flex", gap: "var(--space-3)", alignItems: "center" }}>
          <Button type="submit" variant="primary" disabled={add.isPending}>
            {add.isPending ? "Reading its manifest…" : "Register service"}
          </Button>
          {add.error ? <Alert tone="error">{errorMessage(add.error)}</Alert> : null}
          {added ? <Alert tone="success">{added}</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
