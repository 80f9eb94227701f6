"use client";
/** Inspector of an input widget: its kind, label and the options and default of that kind. */
import type { Widget } from "@/lib/app-document";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useBuilder } from "./builder-context";
import { updateWidget } from "./document-ops";
import { joinErrors, useWidgetEditor, WidgetBindingField } from "./inspector-fields";
import { optionsToText, textToOptions } from "./select-options";
import { inputPropsOfKind } from "./widget-defaults";

type InputWidget = Extract<Widget, { type: "input" }>;
type InputProps = InputWidget["props"];
type SelectProps = Extract<InputProps, { kind: "select" }>;

const INPUT_KINDS = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "select", label: "Select" },
  { value: "dateRange", label: "Date range" },
  { value: "toggle", label: "Toggle" },
];

function numberOrUndefined(text: string): number | undefined {
  const value = Number(text);
  return text.trim() === "" || !Number.isFinite(value) ? undefined : value;
}

export function InputInspector({ widget }: { widget: InputWidget }) {
  const { change } = useBuilder();
  const { setProps, errorsAt } = useWidgetEditor(widget);
  const { props } = widget;
  const setKind = (kind: InputProps["kind"]) => change((doc) => updateWidget(doc, widget.id, (current) => (current.type === "input" ? { ...current, props: inputPropsOfKind(kind, current.props.label) } : current)));
  return (
    <>
      <SelectField label="Input kind" value={props.kind} options={INPUT_KINDS} onChange={(event) => setKind(event.target.value as InputProps["kind"])} />
      <TextField label="Label" value={props.label} error={joinErrors(errorsAt("props.label"))} onChange={(event) => setProps({ label: event.target.value }, "props.label")} />
      <KindFields widget={widget} props={props} setProps={setProps} />
    </>
  );
}

function KindFields({ widget, props, setProps }: { widget: InputWidget; props: InputProps; setProps: (patch: Partial<InputProps>, field: string) => void }) {
  switch (props.kind) {
    case "text":
      return (
        <>
          <TextField label="Placeholder" value={props.placeholder ?? ""} onChange={(event) => setProps({ placeholder: event.target.value }, "props.placeholder")} />
          <WidgetBindingField widget={widget} field="props.default" label="Default value" value={props.default ?? ""} onChange={(value) => setProps({ default: value === "" ? undefined : value }, "props.default")} />
        </>
      );
    case "number":
      return (
        <>
          <TextField label="Minimum" type="number" value={props.min ?? ""} onChange={(event) => setProps({ min: numberOrUndefined(event.target.value) }, "props.min")} />
          <TextField label="Maximum" type="number" value={props.max ?? ""} onChange={(event) => setProps({ max: numberOrUndefined(event.target.value) }, "props.max")} />
          <WidgetBindingField
            widget={widget}
            field="props.default"
            label="Default value"
            value={props.default === undefined ? "" : String(props.default)}
            onChange={(value) => setProps({ default: value === "" ? undefined : (numberOrUndefined(value) ?? value) }, "props.default")}
          />
        </>
      );
    case "select":
      return <SelectOptionsFields widget={widget} props={props} setProps={setProps} />;
    case "dateRange": {
      const range = props.default ?? { start: "", end: "" };
      return (
        <>
          <WidgetBindingField widget={widget} field="props.default.start" label="Default start" value={range.start} onChange={(start) => setProps({ default: { ...range, start } }, "props.default.start")} placeholder="{{ daysAgo(30) }}" />
          <WidgetBindingField widget={widget} field="props.default.end" label="Default end" value={range.end} onChange={(end) => setProps({ default: { ...range, end } }, "props.default.end")} placeholder="{{ now() }}" />
        </>
      );
    }
    case "toggle":
      return <CheckboxField label="On by default" checked={props.default ?? false} onChange={(event) => setProps({ default: event.target.checked }, "props.default")} />;
  }
}

function SelectOptionsFields({ widget, props, setProps }: { widget: InputWidget; props: SelectProps; setProps: (patch: Partial<SelectProps>, field: string) => void }) {
  const { options } = props;
  const { doc } = useBuilder();
  const firstQuery = doc.queries[0]?.id;
  return (
    <>
      <SelectField
        label="Options from"
        value={options.source}
        options={[
          { value: "static", label: "A fixed list" },
          { value: "query", label: "Query data" },
        ]}
        onChange={(event) =>
          setProps(
            { options: event.target.value === "query" ? { source: "query", data: firstQuery ? `{{ ${firstQuery}.data }}` : "", valueField: "value" } : { source: "static", items: [] } },
            "props.options",
          )
        }
      />
      {options.source === "static" ? (
        <TextAreaField
          label="Options"
          hint="One per line: value=Label (or just the value)."
          defaultValue={optionsToText(options.items)}
          key={JSON.stringify(options.items)}
          onBlur={(event) => setProps({ options: { source: "static", items: textToOptions(event.target.value) } }, "props.options")}
        />
      ) : (
        <>
          <WidgetBindingField widget={widget} field="props.options.data" label="Options data" value={options.data} onChange={(data) => setProps({ options: { ...options, data } }, "props.options.data")} />
          <TextField label="Value field" value={options.valueField} onChange={(event) => setProps({ options: { ...options, valueField: event.target.value } }, "props.options.valueField")} />
          <TextField label="Label field" value={options.labelField ?? ""} onChange={(event) => setProps({ options: { ...options, labelField: event.target.value === "" ? undefined : event.target.value } }, "props.options.labelField")} />
        </>
      )}
      <WidgetBindingField widget={widget} field="props.default" label="Default value" value={props.default ?? ""} onChange={(value) => setProps({ default: value === "" ? undefined : value }, "props.default")} />
    </>
  );
}
