"use client";
/**
 * Bar, line, area and pie charts (recharts): x field on the axis (a pie's slice names), one
 * series per y field (a pie uses the first). Numbers that arrive as text are coerced.
 */
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Widget } from "@/lib/app-document";
import styles from "../app-runtime.module.css";
import { chartData, chartFormatters, fieldLabel, type ChartRow } from "../chart-data";
import { useProperty, useQueryGate } from "../use-widget-data";
import { asRows } from "../widget-data";
import { WidgetEmpty, WidgetError, WidgetFrame, WidgetLoading } from "../widget-frame";

type ChartWidgetType = Extract<Widget, { type: "chart" }>;

const COLORS = ["#2f6fed", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];
const color = (i: number): string => COLORS[i % COLORS.length] ?? "#2f6fed";
function Chart({ props, rows }: { props: ChartWidgetType["props"]; rows: ChartRow[] }) {
  const { kind, x, y } = props;
  const { tick: formatTick, tooltip: formatValue } = chartFormatters(props.format);
  if (kind === "pie") {
    const [value = ""] = y;
    return (
      <PieChart>
        <Pie data={rows} dataKey={value} nameKey={x} outerRadius="75%" isAnimationActive={false} label={({ value: slice }: { value?: unknown }) => formatValue(slice)}>
          {rows.map((row, i) => (
            <Cell key={String(row[x])} fill={color(i)} />
          ))}
        </Pie>
        <Tooltip formatter={formatValue} />
        <Legend />
      </PieChart>
    );
  }
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey={x} tick={{ fontSize: 12 }} interval={kind === "bar" && rows.length <= 12 ? 0 : "preserveEnd"} label={{ value: fieldLabel(x), position: "insideBottom", offset: -4, fontSize: 12 }} height={44} />,
    <YAxis key="y" tick={{ fontSize: 12 }} tickFormatter={formatTick} width={64} label={y.length === 1 ? { value: fieldLabel(y[0] ?? ""), angle: -90, position: "insideLeft", fontSize: 12 } : undefined} />,
    <Tooltip key="tooltip" formatter={formatValue} />,
    ...(y.length > 1 ? [<Legend key="legend" />] : []),
  ];
  if (kind === "bar") {
    return (
      <BarChart data={rows}>
        {axes}
        {y.map((field, i) => (
          <Bar key={field} dataKey={field} name={fieldLabel(field)} fill={color(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    );
  }
  if (kind === "area") {
    return (
      <AreaChart data={rows}>
        {axes}
        {y.map((field, i) => (
          <Area key={field} type="monotone" dataKey={field} name={fieldLabel(field)} stroke={color(i)} fill={color(i)} fillOpacity={0.2} isAnimationActive={false} />
        ))}
      </AreaChart>
    );
  }
  return (
    <LineChart data={rows}>
      {axes}
      {y.map((field, i) => (
        <Line key={field} type="monotone" dataKey={field} name={fieldLabel(field)} stroke={color(i)} dot={rows.length <= 40} isAnimationActive={false} />
      ))}
    </LineChart>
  );
}

export function ChartWidget({ widget }: { widget: ChartWidgetType }) {
  const { props } = widget;
  const title = props.title || widget.id;
  const gate = useQueryGate(widget);
  const data = useProperty("Data", props.data);
  const body = () => {
    if (gate.kind === "loading") return <WidgetLoading />;
    if (gate.kind === "error") return <WidgetError message={gate.message} />;
    if (!data.ok) return <WidgetError message={data.message} />;
    const rows = asRows(data.value);
    if (!rows.ok) return <WidgetError message={rows.message} />;
    if (rows.rows.length === 0) return <WidgetEmpty />;
    const chart = chartData(rows.rows, props.x, props.y);
    if (chart.missing.length) return <WidgetError message={`The rows have no field ${chart.missing.join(", ")}; fields: ${Object.keys(rows.rows[0] ?? {}).join(", ")}.`} />;
    return (
      <figure className={styles.fill} style={{ margin: 0 }} aria-label={title}>
        <ResponsiveContainer width="100%" height="100%">
          <Chart props={props} rows={chart.rows} />
        </ResponsiveContainer>
      </figure>
    );
  };
  return (
    <WidgetFrame label={title} busy={gate.kind === "loading" || (gate.kind === "ready" && gate.refreshing)}>
      {props.title ? <h2 className={styles.panelTitle}>{props.title}</h2> : null}
      {body()}
    </WidgetFrame>
  );
}
