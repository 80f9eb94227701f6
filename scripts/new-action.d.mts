// Types of scripts/new-action.mjs for its test.
export interface NewActionOptions {
  folder: string;
  name: string;
  postgres: boolean;
  source: string;
}
export declare function parseArgs(argv: readonly string[]): (NewActionOptions & { error?: undefined }) | { error: string };
export declare function scaffoldAction(root: string, options: NewActionOptions): string[];
