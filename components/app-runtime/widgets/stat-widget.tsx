"use client";
/** A stat tile: label, the value in its format, and the change from the comparison coloured by trend. */
import type { Widget } from "@/lib/app-document";
import styles from "../app-runtime.module.css";
import { formatStat, statChange } from "../stat-format";
import { useProperty, useQueryGate } from "../use-widget-data";
import { WidgetError, WidgetFrame, WidgetLoading } from "../widget-frame";

const ARROW = { up: "▲", down: "▼", flat: "■" } as const;

export function StatWidget({ widget }: { widget: Extract<Widget, { type: "stat" }> }) {
  const { label, format, trend } = widget.props;
  const gate = useQueryGate(widget);
  const value = useProperty("Value", widget.props.value);
  const comparison = useProperty("Comparison", widget.props.comparison ?? "");
  const body = () => {
    if (gate.kind === "loading") return <WidgetLoading />;
    if (gate.kind === "error") return <WidgetError message={gate.message} />;
    if (!value.ok) return <WidgetError message={value.message} />;
    if (!comparison.ok) return <WidgetError message={comparison.message} />;
    const change = widget.props.comparison ? statChange(value.value, comparison.value, format, trend) : null;
    const tone = change?.good === true ? styles.good : change?.good === false ? styles.bad : styles.neutral;
    return (
      <>
        <p className={styles.statValue}>{formatStat(value.value, format)}</p>
        {change ? (
          <p className={`${styles.change} ${tone}`} style={{ margin: 0 }}>
            <span aria-hidden="true">
              {ARROW[change.direction]} {change.text}
            </span>
            <span className={styles.srOnly}>{change.description}</span>
          </p>
        ) : null}
      </>
    );
  };
  return (
    <WidgetFrame label={label || widget.id} busy={gate.kind !== "ready" ? gate.kind === "loading" : gate.refreshing}>
      <p className={styles.statLabel}>{label}</p>
      {body()}
    </WidgetFrame>
  );
}
