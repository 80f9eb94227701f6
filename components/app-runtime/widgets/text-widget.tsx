"use client";
/** Markdown (GitHub flavour, no raw HTML) after its bindings are evaluated. */
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import type { Widget } from "@/lib/app-document";
import styles from "../app-runtime.module.css";
import { useProperty, useQueryGate } from "../use-widget-data";
import { WidgetError, WidgetFrame, WidgetLoading } from "../widget-frame";

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
          <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
            {String(markdown.value ?? "")}
          </ReactMarkdown>
        </div>
      )}
    </WidgetFrame>
  );
}
