/**
 * Test fixture: the sample action service (examples/remote-actions-service) in its OWN process,
 * on its own PostgreSQL database created here. `kill()` ends it abruptly (SIGKILL, like a crash);
 * `start()` brings it back on the same port, so the URL registered in Rowcraft stays valid.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";

const SERVER_FILE = path.resolve(import.meta.dirname, "../../../examples/remote-actions-service/server.ts");

export interface SampleService {
  url: string;
  secret: string;
  database: TestDatabase;
  /** The service's own database, behind its back (counting rows, arranging invoices). */
  pool: pg.Pool;
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function listen(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    const timer = setTimeout(() => reject(new Error(`The sample service did not start within 30 s: ${errors}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { listening: number }).listening);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The sample service exited with ${code}: ${errors}`));
    });
  });
}

export async function startSampleService(options: { secret: string; delayMs?: number; invoices?: number }): Promise<SampleService> {
  const database = await createPostgresTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  let port = 0;
  let child: ChildProcess | null = null;

  const start = async () => {
    const spawned = spawn(process.execPath, ["--import", "tsx", SERVER_FILE], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: { ...process.env, DATABASE_URL: database.url, ROWCRAFT_ACTIONS_SECRET: options.secret, PORT: String(port), ACTION_DELAY_MS: String(options.delayMs ?? 0) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = spawned;
    port = await listen(spawned);
  };
  const exited = (target: ChildProcess) => new Promise<void>((resolve) => (target.exitCode !== null || target.signalCode !== null ? resolve() : target.once("exit", () => resolve())));
  const end = async (signal: NodeJS.Signals) => {
    const current = child;
    child = null;
    if (!current) return;
    current.kill(signal);
    await exited(current);
  };

  await start();
  await pool.query(`INSERT INTO invoices (id, customer, status) SELECT n, 'Customer ' || n, CASE WHEN n % 10 = 0 THEN 'closed' ELSE 'open' END FROM generate_series(1, ${options.invoices ?? 100}) AS n`);
  return {
    get url() {
      return `http://127.0.0.1:${port}/rowcraft`;
    },
    secret: options.secret,
    database,
    pool,
    start,
    kill: () => end("SIGKILL"),
    stop: async () => {
      await end("SIGTERM");
      await pool.end();
      await database.drop();
    },
  };
}
