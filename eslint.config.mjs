// Lint rules: Next's core-web-vitals + TypeScript sets, plus the habits from STYLE.md
// (no `any`, no debug output left in the code, no floating promises in server code).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-debugger": "error",
    },
  },
  {
    // CommonJS: next.config.js and the scripts it loads (scripts/*.cjs).
    files: ["**/*.cjs", "next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    ignores: [".next/**", "generated/**", "node_modules/**", ".cache/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"],
  },
];

export default config;
