/**
 * Two test projects: `unit` (pure, fast, no servers) and `integration` (real PostgreSQL,
 * MariaDB and SQLite on this machine; files named *.int.test.ts).
 */
import path from "node:path";
import { defineConfig } from "vitest/config";
import { writeActionsIndex } from "./scripts/discover-actions.cjs";

// The registry imports the generated index of the engineers' actions/ folder: keep it current.
writeActionsIndex();

export default defineConfig({
  resolve: {
    alias: {
      // The SDK's sources, as tsconfig.json maps them (a workspace package, not installed).
      "@rowcraft/actions/protocol": path.resolve(import.meta.dirname, "packages/rowcraft-actions/src/protocol.ts"),
      "@rowcraft/actions": path.resolve(import.meta.dirname, "packages/rowcraft-actions/src/index.ts"),
      "@": path.resolve(import.meta.dirname),
    },
  },
  test: {
    // Fixed test secrets so no test writes a secrets file; never used outside tests.
    env: {
      ROWCRAFT_SESSION_SECRET: "test-session-secret-test-session-secret-0123456789",
      ROWCRAFT_ENCRYPTION_KEY: "0".repeat(63) + "1",
      ROWCRAFT_DATA_DIR: ".cache/test-data",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{server,lib,components,scripts,actions,packages}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{server,lib,scripts,actions,packages}/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
