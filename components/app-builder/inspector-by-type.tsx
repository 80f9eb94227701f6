"use client";
/** Picks the inspector section of a widget's type. */
import type { Widget } from "@/lib/app-document";
import { ButtonInspector, FormInspector } from "./action-inspector";
import { ChartInspector, StatInspector, TextInspector } from "./display-inspector";
import { InputInspector } from "./input-inspector";
import { TableInspector } from "./table-inspector";

export function PropsInspector({ widget }: { widget: Widget }) {
  switch (widget.type) {
    case "table":
      return <TableInspector widget={widget} />;
    case "chart":
      return <ChartInspector widget={widget} />;
    case "stat":
      return <StatInspector widget={widget} />;
    case "text":
      return <TextInspector widget={widget} />;
    case "input":
      return <InputInspector widget={widget} />;
    case "button":
      return <ButtonInspector widget={widget} />;
    case "form":
      return <FormInspector widget={widget} />;
  }
}
