/**
 * End-to-end tests in Debian's Chromium against the production build (`npm run build` first;
 * scripts/test.mjs does it). The server runs on a fresh data folder so every run starts from
 * the same demo workspace. The port is chosen once here and exported, so workers agree on it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

function freePort(): string {
  if (process.env.ROWCRAFT_E2E_PORT) return process.env.ROWCRAFT_E2E_PORT;
  const port = execFileSync(process.execPath, ["-e", "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"]).toString().trim();
  process.env.ROWCRAFT_E2E_PORT = port;
  return port;
}

/** A fresh data folder per run (created by the server on start), so every run sees the same demo workspace. */
function freshDataDir(): string {
  if (process.env.ROWCRAFT_E2E_DATA_DIR) return process.env.ROWCRAFT_E2E_DATA_DIR;
  const runs = path.resolve(".cache/e2e-runs");
  fs.rmSync(runs, { recursive: true, force: true });
  const dir = path.join(runs, String(Date.now()));
  process.env.ROWCRAFT_E2E_DATA_DIR = dir;
  return dir;
}

const port = freePort();
const dataDir = freshDataDir();
const baseURL = `http://localhost:${port}`;
const cacheDir = path.resolve(".cache");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI only: a spec that passes on retry is reported as flaky, never hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".cache/reports/e2e.json" }]],
  outputDir: ".cache/test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
          env: { ...process.env, XDG_CONFIG_HOME: path.join(cacheDir, "xdg-config"), XDG_CACHE_HOME: path.join(cacheDir, "xdg-cache") },
        },
      },
    },
  ],
  webServer: {
    command: "node scripts/start.mjs --no-build",
    url: `${baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: port,
      NEXT_TELEMETRY_DISABLED: "1",
      ROWCRAFT_DATA_DIR: dataDir,
    },
  },
});
