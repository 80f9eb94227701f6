// Types of scripts/discover-actions.cjs for the TypeScript code (tests, configs) that calls it.
export declare const INDEX: string;
export declare function discoverActionFiles(folder: string): string[];
export declare function renderIndex(files: readonly string[]): string;
export declare function writeActionsIndex(folder?: string): string[];
