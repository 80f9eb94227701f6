"use client";
/** One widget's content, filling its box; each type owns its loading, empty and error states. */
import type { Widget } from "@/lib/app-document";
import { ButtonWidget } from "./widgets/button-widget";
import { ChartWidget } from "./widgets/chart-widget";
import { FormWidget } from "./widgets/form-widget";
import { InputWidget } from "./widgets/input-widget";
import { StatWidget } from "./widgets/stat-widget";
import { TableWidget } from "./widgets/table-widget";
import { TextWidget } from "./widgets/text-widget";
import { WidgetBoundary } from "./widget-frame";

function WidgetContent({ widget }: { widget: Widget }) {
  switch (widget.type) {
    case "table":
      return <TableWidget widget={widget} />;
    case "chart":
      return <ChartWidget widget={widget} />;
    case "stat":
      return <StatWidget widget={widget} />;
    case "text":
      return <TextWidget widget={widget} />;
    case "input":
      return <InputWidget widget={widget} />;
    case "button":
      return <ButtonWidget widget={widget} />;
    case "form":
      return <FormWidget widget={widget} />;
  }
}

export function WidgetView({ widget }: { widget: Widget }) {
  return (
    <WidgetBoundary widgetId={widget.id}>
      <WidgetContent widget={widget} />
    </WidgetBoundary>
  );
}
