/**
 * The production server for benchmarks, started the way the end-to-end tests start it
 * (`scripts/start.mjs --no-build` on a fresh data folder and a free port), and stopped with
 * every process it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

export function startServer(port: number, dataDir: string, host = "127.0.0.1"): Server {
  // Its own process group (start.mjs runs `tsx scripts/prepare.ts`, then `next start`), so
  // stopping it reaches every process it started and nothing else.
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ROWCRAFT_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", ROWCRAFT_PRINT_LOGINS: "false" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, baseUrl: `http://${host}:${port}`, output: () => log };
}

export async function waitUntilReady(server: Server, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`The server exited (code ${server.child.exitCode}):\n${server.output()}`);
    try {
      const response = await fetch(`${server.baseUrl}/sign-in`, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /sign-in within ${timeoutMs / 1000} s:\n${server.output()}`);
}

export async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  // `next start` may outlive start.mjs by a moment; make sure the group is gone.
  signalGroup("SIGKILL");
}

/**
 * The production build a benchmark measures: "<build id> of <UTC minute>Z". Throws when there is
 * none — the benchmarks measure `next start`, never the development server.
 */
export function productionBuild(): string {
  const buildFile = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildFile)) throw new Error("There is no production build: run `npx next build` first (the benchmark measures the production server).");
  return `${fs.readFileSync(buildFile, "utf8").trim()} of ${fs.statSync(buildFile).mtime.toISOString().slice(0, 16)}Z`;
}
