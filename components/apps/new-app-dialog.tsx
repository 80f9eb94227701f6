"use client";
/**
 * "New app": name, optional address (slug) and description → `apps.create`, then the editor.
 * The server's field errors (a taken address is a CONFLICT) are shown on their field.
 */
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "@/components/app-versions/app-versions.module.css";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/surface";
import { appSlugSchema, slugify } from "@/lib/schemas/apps";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Field = "name" | "slug" | "description";
type FieldErrors = Partial<Record<Field, string>>;

interface ErrorData {
  code?: string;
  zodError?: { fieldErrors: Record<string, string[] | undefined> } | null;
}

/** The server's answer as errors per field; what belongs to no field goes to `form`. */
function fieldErrorsOf(error: unknown): { fields: FieldErrors; form: string | null } {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    if (data?.code === "CONFLICT") return { fields: { slug: error.message }, form: null };
    const fieldErrors = data?.zodError?.fieldErrors;
    if (fieldErrors) {
      const fields: FieldErrors = {};
      for (const field of ["name", "slug", "description"] as const) {
        const messages = fieldErrors[field];
        if (messages?.length) fields[field] = messages.join(" ");
      }
      if (Object.keys(fields).length) return { fields, form: null };
    }
  }
  return { fields: {}, form: errorMessage(error) };
}

export function NewAppDialog() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.apps.create.mutationOptions());
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const address = slug.trim() || slugify(name);

  async function submit() {
    setFormError(null);
    const local: FieldErrors = {};
    if (name.trim() === "") local.name = "Give the app a name.";
    const slugCheck = slug.trim() ? appSlugSchema.safeParse(slug) : null;
    if (slugCheck && !slugCheck.success) local.slug = slugCheck.error.issues[0]?.message ?? "Not a valid address.";
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      const created = await create.mutateAsync({ name, description, ...(slug.trim() ? { slug: slug.trim() } : {}) });
      setOpen(false);
      router.push(`/apps/${created.slug}/edit`);
    } catch (caught) {
      const { fields, form } = fieldErrorsOf(caught);
      setErrors(fields);
      setFormError(form);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setName("");
          setSlug("");
          setDescription("");
          setErrors({});
          setFormError(null);
        }
        setOpen(next);
      }}
      trigger={<Button variant="primary">New app</Button>}
      title="New app"
      description="It starts as one empty page; nobody but builders sees it until you publish."
    >
      <form
        className={styles.stack}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField label="Name" value={name} maxLength={100} required error={errors.name} onChange={(event) => setName(event.target.value)} />
        <TextField
          label="Address (optional)"
          value={slug}
          maxLength={100}
          placeholder={slugify(name)}
          error={errors.slug}
          hint={`The app will be at /apps/${address}${slug.trim() ? "" : " (or with a number added if that is taken)"}.`}
          onChange={(event) => setSlug(event.target.value)}
        />
        <TextAreaField label="Description" value={description} rows={3} maxLength={500} error={errors.description} onChange={(event) => setDescription(event.target.value)} />
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <DialogActions label="Create app" busyLabel="Creating…" busy={create.isPending} />
      </form>
    </Dialog>
  );
}
