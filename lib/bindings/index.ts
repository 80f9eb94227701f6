// Rowcraft's binding language: `{{ expression }}` in widget properties and queries.
// Parsed and evaluated by our own code (never eval / new Function); see evaluate.ts for the
// semantics and access.ts for what a binding may read.
export { LIMITS, type BindingError, type Node, type Result } from "./ast";
export { evaluate, type EvaluateOptions, type Scope } from "./evaluate";
export { FUNCTION_NAMES, type FunctionName } from "./functions";
export { FUNCTION_DOCS, type FunctionDoc } from "./function-docs";
export { parseExpression } from "./parser";
export { referencedNames, referencedPaths, type ReferencedPath } from "./references";
export { evaluateTemplate, hasBindings, parseTemplate, type TemplatePart } from "./template";
