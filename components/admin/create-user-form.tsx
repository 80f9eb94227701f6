"use client";
/** Creates an account. Field errors come from the same zod schema the server validates with. */
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Alert, Card } from "@/components/ui/surface";
import { ROLE_LABELS, ROLES, roleSchema, type Role } from "@/lib/roles";
import { createUserInput } from "@/lib/schemas/users";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

const EMPTY = { email: "", name: "", role: "operator" as Role, password: "" };

export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof typeof EMPTY, string>>>({});
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (user) => {
        setCreated(user.email);
        setValues(EMPTY);
        onCreated();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const parsed = createUserInput.safeParse(values);
    if (!parsed.success) {
      const errors: Partial<Record<keyof typeof EMPTY, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof typeof EMPTY;
        errors[key] ??= issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data);
  }

  const set = (key: keyof typeof EMPTY) => (value: string) => setValues((previous) => ({ ...previous, [key]: value }));
  return (
    <Card>
      <h2 style={{ fontSize: "var(--text-lg)", marginBottom: "var(--space-4)" }}>Add a user</h2>
      <form onSubmit={submit} noValidate style={{ display: "grid", gap: "var(--space-3)", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", alignItems: "start" }}>
        <TextField label="Name" value={values.name} onChange={(event) => set("name")(event.target.value)} error={fieldErrors.name} />
        <TextField label="Email" type="email" value={values.email} onChange={(event) => set("email")(event.target.value)} error={fieldErrors.email} />
        <SelectField
          label="Role"
          value={values.role}
          onChange={(event) => set("role")(roleSchema.parse(event.target.value))}
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(event) => set("password")(event.target.value)}
          error={fieldErrors.password}
          hint="At least 10 characters. Share it privately."
        />
        <div style={{ gridColumn: "1 / -1", display: "flex", gap: "var(--space-3)", alignItems: "center" }}>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add user"}
          </Button>
          {create.error ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
          {created ? <Alert tone="success">Added {created}.</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
