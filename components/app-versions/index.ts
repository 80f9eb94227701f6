// The versions part of the app builder: history, publish, permissions, export and import.
export { HistoryPanel, type HistoryPanelProps } from "./history-panel";
export { PublishButton, type PublishButtonProps } from "./publish-button";
export { PermissionsDialog, type PermissionsDialogProps } from "./permissions-dialog";
export { ExportButton } from "./export-button";
export { ProblemList } from "./problem-list";
export { describeProblemPath } from "./problem-path";
export { ImportAppDialog, type ImportAppDialogProps, type ImportedApp } from "@/components/apps/import-app-dialog";
