/**
 * The reference of what a binding may contain: the `{{ }}` language, every function (from the
 * one function table in lib/bindings, so it lists exactly what runs) and the display formats
 * (from the app document's schema). Shown on /help and in the builder's Help panel.
 */
import { COLUMN_FORMATS, STAT_FORMATS } from "@/lib/app-document";
import { FUNCTION_DOCS, type FunctionDoc } from "@/lib/bindings";
import styles from "./binding-reference.module.css";

const GROUPS: FunctionDoc["group"][] = ["Aggregates", "Lists", "Text", "Numbers", "Dates", "Values"];

const FORMAT_NOTES: Record<(typeof COLUMN_FORMATS)[number] | (typeof STAT_FORMATS)[number], string> = {
  text: "The value as written.",
  number: "Digits grouped by thousands: 12,345.6.",
  money: "Integer cents in US dollars (the short form of money in cents): 1234550 → $12,345.50.",
  percent: "A value out of 100 (the short form of percent of 100): 12.5 → 12.5%.",
  date: "An ISO date or timestamp as 2026-01-31.",
  datetime: "A timestamp as 2026-01-31 14:05 UTC.",
  boolean: "true / false as Yes / No.",
};

const LANGUAGE: { syntax: string; meaning: string }[] = [
  { syntax: "{{ orders.data }}", meaning: "A query's rows. Also .isLoading and .error." },
  { syntax: "{{ ordersTable.selectedRow.id }}", meaning: "A widget's output: a table's selectedRow / selectedRows, an input's value, a date range's start and end." },
  { syntax: "{{ currentUser.email }}", meaning: "The signed-in user (id, email, name, role), filled in by the server." },
  { syntax: '{{ row.id }}', meaning: "In a table's row action: each selected row the action runs for." },
  { syntax: "{{ a.b }} · {{ a[0] }} · {{ a[\"first name\"] }}", meaning: "Read a field or an item of a list." },
  { syntax: "+ - * / %  ==  !=  <  <=  >  >=  &&  ||  !", meaning: "Arithmetic, comparison and logic, as in JavaScript (== compares without conversion)." },
  { syntax: "cond ? a : b  ·  a ?? b", meaning: "Choose a value; ?? takes b when a is null." },
  { syntax: "[1, 2] · \"text\" · 'text' · true · null", meaning: "Lists and literals." },
  { syntax: "Total: {{ sum(orders.data, \"total\") }}", meaning: "Text around bindings makes a text; a field that is only one binding keeps its value's type." },
];

export function BindingReference({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className={styles.reference}>
      <section aria-labelledby="help-language">
        <Heading id="help-language" className={styles.heading}>
          The binding language
        </Heading>
        <p className={styles.note}>
          Any property may hold <code>{"{{ }}"}</code> bindings: small expressions over the app&apos;s queries, widgets and the current user. They cannot call anything
          but the functions below, and in SQL they are sent as parameters, never pasted into the statement.
        </p>
        <table className={styles.table}>
          <tbody>
            {LANGUAGE.map((entry) => (
              <tr key={entry.syntax}>
                <th scope="row">
                  <code>{entry.syntax}</code>
                </th>
                <td>{entry.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="help-functions">
        <Heading id="help-functions" className={styles.heading}>
          Functions
        </Heading>
        <p className={styles.note}>
          Aggregates take a query&apos;s rows and a column name — <code>{'sum(orders.data, "total")'}</code> — or a list of numbers —{" "}
          <code>{'sum(pluck(orders.data, "total"))'}</code>. Null values are skipped.
        </p>
        {GROUPS.map((group) => (
          <table key={group} className={styles.table} aria-label={`${group} functions`}>
            <caption className={styles.caption}>{group}</caption>
            <tbody>
              {Object.entries(FUNCTION_DOCS)
                .filter(([, doc]) => doc.group === group)
                .map(([name, doc]) => (
                  <tr key={name}>
                    <th scope="row">
                      <code>{doc.signature}</code>
                    </th>
                    <td>
                      {doc.summary} <code className={styles.example}>{doc.example}</code>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
      </section>
      <section aria-labelledby="help-formats">
        <Heading id="help-formats" className={styles.heading}>
          Formats
        </Heading>
        <p className={styles.note}>
          Table columns: {COLUMN_FORMATS.join(", ")}. Stat tiles: {STAT_FORMATS.join(", ")}.
        </p>
        <p className={styles.note}>
          The inspector&apos;s Format fields write formats that say their unit: money in cents or in units, with a fixed currency or
          one from a column of the row; percent of 1 (0.125 → 12.5%) or of 100 (12.5 → 12.5%); decimals and compact numbers
          ($32K). Chart axes and tooltips use the same formats. The words below are the short forms.
        </p>
        <table className={styles.table} aria-label="Formats">
          <tbody>
            {Object.entries(FORMAT_NOTES).map(([format, note]) => (
              <tr key={format}>
                <th scope="row">
                  <code>{format}</code>
                </th>
                <td>{note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
