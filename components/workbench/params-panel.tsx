"use client";
/** Test values for the query's `{{ }}` templates; each is bound as a real parameter, never spliced. */
import { TextField } from "@/components/ui/field";
import { describeParamValue, parseParamText } from "./template-params";

export function ParamsPanel({ expressions, values, onChange }: { expressions: string[]; values: Record<string, string>; onChange: (expression: string, text: string) => void }) {
  if (expressions.length === 0) return null;
  return (
    <fieldset style={{ border: "1px solid var(--color-border)", borderRadius: "var(--radius-md)", padding: "var(--space-3)", display: "grid", gap: "var(--space-3)", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))" }}>
      <legend style={{ padding: "0 var(--space-2)", fontWeight: 600 }}>Parameters</legend>
      {expressions.map((expression) => (
        <TextField
          key={expression}
          label={`{{ ${expression} }}`}
          value={values[expression] ?? ""}
          onChange={(event) => onChange(expression, event.target.value)}
          hint={`Bound as ${describeParamValue(parseParamText(values[expression] ?? ""))}. JSON (42, true, null, ["a"]) keeps its type.`}
        />
      ))}
    </fieldset>
  );
}
