"use client";
/**
 * The inspector's number format fields (stat tiles, chart values, table columns): the style,
 * then what the stored number counts (money in cents or in units, percent of 1 or of 100),
 * the currency (fixed, or from a column of the row), decimals and compact notation, with a
 * live example of what a stored value reads as.
 */
import { useState } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { describeExample, type NumberFormat } from "@/lib/format";
import { choiceOf, formatForChoice, numberFormatOf, parseDecimals, type StoredFormat } from "./format-choice";
import styles from "./inspector.module.css";

export interface FormatFieldsProps<F extends StoredFormat> {
  /** Field labels start with it: "Format", "Column 2 format". */
  label: string;
  value: F;
  /** Choices besides Number, Money and Percent: automatic ("") and words such as "text" or "date". */
  extraChoices: { value: string; label: string }[];
  /** Offer a currency read from another column of the row (tables). */
  currencyColumn?: boolean;
  onChange: (next: F) => void;
}

const NUMBER_CHOICES = [
  { value: "number", label: "Number" },
  { value: "money", label: "Money" },
  { value: "percent", label: "Percent" },
];

export function FormatFields<F extends StoredFormat>({ label, value, extraChoices, currencyColumn = false, onChange }: FormatFieldsProps<F>) {
  const format = numberFormatOf(value);
  const blankFirst = extraChoices.filter((choice) => choice.value === "");
  const words = extraChoices.filter((choice) => choice.value !== "");
  const set = (next: NumberFormat) => onChange(next as F);
  return (
    <div className={styles.card} role="group" aria-label={label}>
      <SelectField label={label} value={choiceOf(value)} options={[...blankFirst, ...NUMBER_CHOICES, ...words]} onChange={(event) => onChange(formatForChoice(event.target.value, value) as F)} />
      {format?.style === "money" ? (
        <>
          <SelectField
            label={`${label}: stored amount is in`}
            value={format.unit}
            options={[
              { value: "cents", label: "Cents (1234 = 12.34)" },
              { value: "units", label: "Units (1234 = 1,234.00)" },
            ]}
            onChange={(event) => set({ ...format, unit: event.target.value as "cents" | "units" })}
          />
          <div className={styles.pair}>
            <CurrencyField label={`${label}: currency`} value={format.currency} onChange={(currency) => set({ ...format, currency })} />
            {currencyColumn ? (
              <TextField
                label={`${label}: currency column`}
                hint="Optional: a column of the row with the code."
                value={format.currencyColumn ?? ""}
                onChange={(event) => {
                  const { currencyColumn: _drop, ...rest } = format;
                  set(event.target.value.trim() === "" ? rest : { ...rest, currencyColumn: event.target.value.trim() });
                }}
              />
            ) : null}
          </div>
        </>
      ) : null}
      {format?.style === "percent" ? (
        <SelectField
          label={`${label}: stored value is`}
          value={String(format.of)}
          options={[
            { value: "1", label: "A fraction of 1 (0.125 = 12.5%)" },
            { value: "100", label: "Out of 100 (12.5 = 12.5%)" },
          ]}
          onChange={(event) => set({ ...format, of: event.target.value === "100" ? 100 : 1 })}
        />
      ) : null}
      {format ? (
        <div className={styles.inline}>
          <DecimalsField label={`${label}: decimals`} value={format.decimals} onChange={(decimals) => set(withDecimals(format, decimals))} />
          {format.style !== "percent" ? (
            <CheckboxField label={`${label}: compact (12K)`} checked={format.compact ?? false} onChange={(event) => set({ ...format, compact: event.target.checked || undefined })} />
          ) : null}
        </div>
      ) : null}
      {format ? (
        <p className={styles.note} aria-live="polite" data-testid="format-example">
          Example: {describeExample(format)}
        </p>
      ) : null}
    </div>
  );
}

function withDecimals(format: NumberFormat, decimals: number | undefined): NumberFormat {
  const { decimals: _drop, ...rest } = format;
  return decimals === undefined ? rest : { ...rest, decimals };
}

/** Typed text is kept while it is not a code yet ("EU"); the format changes once it is one. */
function CurrencyField({ label, value, onChange }: { label: string; value: string; onChange: (code: string) => void }) {
  const [text, setText] = useState(value);
  const valid = /^[A-Za-z]{3}$/.test(text.trim());
  return (
    <TextField
      label={label}
      value={text}
      maxLength={3}
      error={valid ? null : "Enter a three-letter code, like USD or EUR."}
      onChange={(event) => {
        setText(event.target.value);
        if (/^[A-Za-z]{3}$/.test(event.target.value.trim())) onChange(event.target.value.trim().toUpperCase());
      }}
    />
  );
}

function DecimalsField({ label, value, onChange }: { label: string; value: number | undefined; onChange: (decimals: number | undefined) => void }) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const parsed = parseDecimals(text);
  return (
    <TextField
      label={label}
      inputMode="numeric"
      placeholder="auto"
      value={text}
      error={parsed === null ? "Enter 0 to 6, or leave blank." : null}
      onChange={(event) => {
        setText(event.target.value);
        const next = parseDecimals(event.target.value);
        if (next !== null) onChange(next);
      }}
    />
  );
}
