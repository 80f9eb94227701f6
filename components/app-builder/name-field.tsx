"use client";
/**
 * The id of a widget or query, edited as a draft and applied on Enter or on leaving the field:
 * a half-typed name would break the bindings that use it. Applying renames every use too.
 */
import { useState } from "react";
import { identifierSchema } from "@/lib/app-document";
import { TextField } from "@/components/ui/field";
import { useBuilder } from "./builder-context";
import { renameName } from "./document-ops";
import { countReferences } from "./name-references";

export function NameField({ label, name, errors, onRenamed }: { label: string; name: string; errors: readonly string[]; onRenamed: (name: string) => void }) {
  const { doc, change } = useBuilder();
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const references = countReferences(doc, name);
  const apply = () => {
    if (draft === name) return setError(null);
    const valid = identifierSchema.safeParse(draft);
    if (!valid.success) return setError(valid.error.issues[0]?.message ?? "Not a valid name.");
    const result = renameName(doc, name, draft);
    if (!result.ok) return setError(result.message);
    setError(null);
    change(() => result.doc);
    onRenamed(draft);
  };
  const hint = references > 0 ? `Used in ${references} place${references === 1 ? "" : "s"}; renaming updates ${references === 1 ? "it" : "them"}.` : "Not used by any binding yet.";
  return (
    <TextField
      label={label}
      value={draft}
      hint={hint}
      error={error ?? (errors.length > 0 ? errors.join(" ") : null)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === "Enter") apply();
        if (event.key === "Escape") setDraft(name);
      }}
    />
  );
}
