"use client";
/** Markdown (GitHub flavour, no raw HTML, no remote images unless allowed) after its bindings are evaluated. */
import type { Widget } from "@/lib/app-document";
import styles from "../app-runtime.module.css";
import { useProperty, useQueryGate } from "../use-widget-data";
import { WidgetError, WidgetFrame, WidgetLoading } from "../widget-frame";
import { SafeMarkdown } from "./safe-markdown";

export function TextWidget({ widget }: { widget: Extract<Widget, { type: "text" }> }) {
  const gate = useQueryGate(widget);
  const markdown = useProperty("Markdown", widget.props.markdown);
  return (
    <WidgetFrame label={widget.id} variant="bare" busy={gate.kind === "loading"}>
      {gate.kind === "loading" ? (
        <WidgetLoading />
      ) : gate.kind === "error" ? (
        <WidgetError message={gate.message} />
      ) : !markdown.ok ? (
        <WidgetError message={markdown.message} />
      ) : (
        <div className={styles.markdown} style={{ height: "100%" }}>
          <SafeMarkdown markdown={String(markdown.value ?? "")} allowRemoteImages={widget.props.allowRemoteImages ?? false} />
        </div>
      )}
    </WidgetFrame>
  );
}
