// The app document: schemas, validation and export, shared by the builder and the apps API.
export * from "./schema";
export { availableNames, widgetOutputs, QUERY_OUTPUTS, CURRENT_USER_FIELDS, type NameInfo } from "./names";
export type { ActionInfo } from "./actions-check";
export type { Problem, ProblemCode } from "./problems";
export { validateAppDocument, type ValidationContext, type ValidationResult } from "./validate";
export { parseAppExport, stableStringify, type ImportResult } from "./export";
export { diffAppDocuments, describeValueChange, formatDiffValue, type AppDiff, type PageChange, type WidgetChange, type QueryChange, type PermissionChange, type SqlLine, type ValueChange } from "./diff";
export { checkResultFields, rowsQueryOf, whyNotEditable, type QueryResultInfo, type QueryResults } from "./result-fields";
