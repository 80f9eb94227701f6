"use client";
/**
 * Test values for a query's `{{ }}` expressions (as Retool's): the builder's preview runs with
 * them while an expression has no value yet — before the widget it reads exists, or while an
 * input is empty. Stored in the draft document; the published app never uses them.
 */
import type { AppQuery } from "@/lib/app-document";
import { sqlExpressions } from "@/lib/app-document/query-params";
import { TextField } from "@/components/ui/field";
import styles from "./inspector.module.css";

export function QueryTestValues({ query, onChange }: { query: AppQuery; onChange: (testValues: AppQuery["testValues"]) => void }) {
  // currentUser is bound by the server from the session: a test value could not stand in for it.
  const expressions = [...new Set(sqlExpressions(query.sql))].filter((expression) => !expression.startsWith("currentUser"));
  if (expressions.length === 0) return null;
  const values = query.testValues ?? {};
  const set = (expression: string, text: string) => {
    const next = { ...values, [expression]: text };
    if (text === "") delete next[expression];
    // Values of expressions no longer in the SQL are dropped with the next edit.
    for (const key of Object.keys(next)) if (!expressions.includes(key)) delete next[key];
    onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <fieldset className={styles.group} aria-label="Test values">
      <legend className={styles.legend}>Test values</legend>
      <p className={styles.note}>Used by the builder&apos;s preview while an expression has no value (its widget does not exist yet, or is empty). Numbers, true/false, null and lists as JSON; anything else is text. Operators never see them.</p>
      {expressions.map((expression) => (
        <TextField key={expression} label={`Test value for {{ ${expression} }}`} value={values[expression] ?? ""} placeholder="no test value" onChange={(event) => set(expression, event.target.value)} />
      ))}
    </fieldset>
  );
}
