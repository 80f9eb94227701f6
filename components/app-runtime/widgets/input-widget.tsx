"use client";
/**
 * Input widgets: text, number, select (static options or a query's rows), date range (two ISO
 * date fields) and toggle. Values live in the runtime (and the URL); typing updates bindings
 * at once and the URL after a pause.
 */
import { useEffect } from "react";
import type { Widget } from "@/lib/app-document";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import styles from "../app-runtime.module.css";
import { dateFieldText, type DateRangeValue } from "../input-state";
import { useAppRuntime } from "../runtime-context";
import { useProperty, useQueryGate } from "../use-widget-data";
import { asRows } from "../widget-data";
import { WidgetError, WidgetFrame } from "../widget-frame";

type InputWidgetType = Extract<Widget, { type: "input" }>;
type SelectProps = Extract<InputWidgetType["props"], { kind: "select" }>;

const ALL = "";

interface Option {
  value: string | number;
  label: string;
}

function useSelectOptions(widget: InputWidgetType, props: SelectProps): { options: Option[]; note: string | null; error: string | null } {
  const gate = useQueryGate(widget);
  const source = props.options;
  const data = useProperty("Options", source.source === "query" ? source.data : "");
  if (source.source === "static") return { options: source.items, note: null, error: null };
  if (gate.kind === "loading") return { options: [], note: "Loading options…", error: null };
  if (gate.kind === "error") return { options: [], note: null, error: gate.message };
  if (!data.ok) return { options: [], note: null, error: data.message };
  const rows = asRows(data.value);
  if (!rows.ok) return { options: [], note: null, error: rows.message };
  const seen = new Set<string>();
  const options: Option[] = [];
  for (const row of rows.rows) {
    const raw = row[source.valueField];
    if (raw === null || raw === undefined || typeof raw === "object") continue;
    const value = typeof raw === "number" ? raw : String(raw);
    if (seen.has(String(value))) continue;
    seen.add(String(value));
    const label = source.labelField ? row[source.labelField] : raw;
    options.push({ value, label: label === null || label === undefined ? String(value) : String(label) });
  }
  return { options, note: null, error: null };
}

function SelectInput({ widget, props }: { widget: InputWidgetType; props: SelectProps }) {
  const { inputValues, setInputValue } = useAppRuntime();
  const value = inputValues[widget.id];
  const { options, note, error } = useSelectOptions(widget, props);
  const current = value === null || value === undefined || typeof value === "object" ? ALL : String(value);
  // A value from the URL that the options do not (yet) list is still shown, so it can be cleared.
  const listed = current === ALL || options.some((option) => String(option.value) === current);
  const choices = [{ value: ALL, label: "All" }, ...(listed ? [] : [{ value: current, label: current }]), ...options.map((option) => ({ value: String(option.value), label: option.label }))];
  // A value read from the URL is text; once options from a query arrive, take the option's own
  // value, so `{{ customer.value }}` binds 42, not "42".
  const typed = typeof value === "string" ? options.find((option) => typeof option.value !== "string" && String(option.value) === value) : undefined;
  useEffect(() => {
    if (typed) setInputValue(widget.id, typed.value);
  }, [typed, setInputValue, widget.id]);
  return (
    <>
      <SelectField
        label={props.label}
        value={current}
        options={choices}
        hint={note ?? undefined}
        onChange={(event) => {
          const text = event.target.value;
          const picked = options.find((option) => String(option.value) === text);
          setInputValue(widget.id, text === ALL ? null : (picked?.value ?? text));
        }}
      />
      {error ? <WidgetError message={error} /> : null}
    </>
  );
}

function DateRangeInput({ widget, label }: { widget: InputWidgetType; label: string }) {
  const { inputValues, setInputValue } = useAppRuntime();
  const raw = inputValues[widget.id];
  const range: DateRangeValue = typeof raw === "object" && raw !== null ? raw : { start: null, end: null };
  const set = (part: "start" | "end", text: string) => setInputValue(widget.id, { ...range, [part]: text === "" ? null : text });
  const invalid = range.start && range.end && dateFieldText(range.start) > dateFieldText(range.end) ? "The start is after the end." : null;
  return (
    <fieldset className={styles.rangeFields}>
      <legend className={styles.srOnly}>{label}</legend>
      <TextField label={`${label} from`} type="date" value={dateFieldText(range.start)} max={dateFieldText(range.end) || undefined} onChange={(event) => set("start", event.target.value)} error={invalid} />
      <TextField label={`${label} to`} type="date" value={dateFieldText(range.end)} min={dateFieldText(range.start) || undefined} onChange={(event) => set("end", event.target.value)} />
    </fieldset>
  );
}

export function InputWidget({ widget }: { widget: InputWidgetType }) {
  const { inputValues, inputDefaults, setInputValue } = useAppRuntime();
  const props = widget.props;
  const value = inputValues[widget.id];
  const defaultError = inputDefaults[widget.id]?.error ?? null;
  const control = () => {
    switch (props.kind) {
      case "text":
        return (
          <TextField
            label={props.label}
            type="search"
            placeholder={props.placeholder}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => setInputValue(widget.id, event.target.value, { debounceUrl: true })}
          />
        );
      case "number":
        return (
          <TextField
            label={props.label}
            type="number"
            inputMode="decimal"
            min={props.min}
            max={props.max}
            value={typeof value === "number" ? String(value) : ""}
            onChange={(event) => {
              const text = event.target.value;
              const number = text === "" ? null : Number(text);
              setInputValue(widget.id, number === null || Number.isFinite(number) ? number : null, { debounceUrl: true });
            }}
          />
        );
      case "select":
        return <SelectInput widget={widget} props={props} />;
      case "dateRange":
        return <DateRangeInput widget={widget} label={props.label} />;
      case "toggle":
        return <CheckboxField label={props.label} checked={value === true} onChange={(event) => setInputValue(widget.id, event.target.checked)} />;
    }
  };
  return (
    <WidgetFrame label={props.label || widget.id} variant="bare">
      {control()}
      {defaultError ? <WidgetError message={defaultError} /> : null}
    </WidgetFrame>
  );
}
