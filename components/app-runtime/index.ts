// The running app: what operators and viewers see, and what the builder's canvas renders per widget.
export { GRID_ROW_HEIGHT, GRID_GAP } from "./grid-metrics";
export type { RuntimeApp, QueryRunner, QueryState, ParamValue } from "./types";
export { AppRuntimeProvider, useAppRuntime, type AppRuntime } from "./runtime-context";
export { WidgetView } from "./widget-view";
export { AppPageLayout } from "./app-page-layout";
export { AppView } from "./app-view";
