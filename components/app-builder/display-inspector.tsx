"use client";
/** Inspector sections of widgets that show data: chart, stat tile and text. */
import type { Widget } from "@/lib/app-document";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormatFields } from "./format-fields";
import { joinErrors, useWidgetEditor, WidgetBindingField } from "./inspector-fields";

type ChartWidget = Extract<Widget, { type: "chart" }>;
type StatWidget = Extract<Widget, { type: "stat" }>;
type TextWidget = Extract<Widget, { type: "text" }>;

const CHART_KINDS = [
  { value: "bar", label: "Bar" },
  { value: "line", label: "Line" },
  { value: "area", label: "Area" },
  { value: "pie", label: "Pie" },
];

/** "revenue, orders" ⇄ ["revenue", "orders"]; empty entries are dropped as the user types commas. */
function parseList(text: string): string[] {
  return text.split(",").map((part) => part.trim()).filter((part) => part !== "");
}

export function ChartInspector({ widget }: { widget: ChartWidget }) {
  const { setProps, errorsAt } = useWidgetEditor(widget);
  const { props } = widget;
  return (
    <>
      <SelectField label="Chart kind" value={props.kind} options={CHART_KINDS} onChange={(event) => setProps({ kind: event.target.value as ChartWidget["props"]["kind"] }, "props.kind")} />
      <TextField label="Title" value={props.title ?? ""} onChange={(event) => setProps({ title: event.target.value }, "props.title")} />
      <WidgetBindingField widget={widget} field="props.data" label="Data" value={props.data} onChange={(data) => setProps({ data }, "props.data")} placeholder="{{ query1.data }}" hint="A list of rows." />
      <TextField label={props.kind === "pie" ? "Slice label field" : "X field"} value={props.x} error={joinErrors(errorsAt("props.x"))} onChange={(event) => setProps({ x: event.target.value }, "props.x")} />
      <TextField
        label={props.kind === "pie" ? "Value field" : "Y fields"}
        hint="Field names of the rows, separated by commas: one series each."
        defaultValue={props.y.join(", ")}
        key={props.y.join(",")}
        error={joinErrors(errorsAt("props.y"))}
        onBlur={(event) => {
          const y = parseList(event.target.value);
          if (y.length > 0) setProps({ y }, "props.y");
        }}
      />
      <FormatFields
        label="Value format"
        value={props.format}
        extraChoices={[{ value: "", label: "Plain number" }]}
        onChange={(format) => setProps({ format }, "props.format")}
      />
    </>
  );
}

export function StatInspector({ widget }: { widget: StatWidget }) {
  const { setProps } = useWidgetEditor(widget);
  const { props } = widget;
  return (
    <>
      <TextField label="Label" value={props.label} onChange={(event) => setProps({ label: event.target.value }, "props.label")} />
      <WidgetBindingField widget={widget} field="props.value" label="Value" value={props.value} onChange={(value) => setProps({ value }, "props.value")} placeholder="{{ query1.data[0].total }}" />
      <WidgetBindingField
        widget={widget}
        field="props.comparison"
        label="Comparison"
        hint="The previous value; the tile shows the change."
        value={props.comparison ?? ""}
        onChange={(comparison) => setProps({ comparison: comparison === "" ? undefined : comparison }, "props.comparison")}
      />
      <SelectField
        label="Trend"
        value={props.trend ?? ""}
        options={[
          { value: "", label: "No colour" },
          { value: "up-is-good", label: "Up is good" },
          { value: "down-is-good", label: "Down is good" },
        ]}
        onChange={(event) => setProps({ trend: event.target.value === "" ? undefined : (event.target.value as StatWidget["props"]["trend"]) }, "props.trend")}
      />
      <FormatFields label="Format" value={props.format} extraChoices={[{ value: "text", label: "Text" }]} onChange={(format) => setProps({ format }, "props.format")} />
    </>
  );
}

export function TextInspector({ widget }: { widget: TextWidget }) {
  const { setProps } = useWidgetEditor(widget);
  return (
    <>
      <WidgetBindingField
        widget={widget}
        field="props.markdown"
        label="Markdown"
        multiline
        hint="Markdown with {{ }} bindings, e.g. ## Hello {{ currentUser.name }}"
        value={widget.props.markdown}
        onChange={(markdown) => setProps({ markdown }, "props.markdown")}
      />
      <CheckboxField
        label="Load images from other websites"
        checked={widget.props.allowRemoteImages ?? false}
        onChange={(event) => setProps({ allowRemoteImages: event.target.checked }, "props.allowRemoteImages")}
      />
    </>
  );
}
