/**
 * Fixture for the actions integration tests (imported only by *.int.test.ts): a migrated
 * metadata database with the demo users and the "Acme Ops" source, whose file is generated here
 * at small scale; tRPC callers per role (and for extra users); and a "gated" test action whose
 * rows wait until the test lets them through, to hold a run mid-flight (cancel, crash, resume).
 */
import path from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import type { Role } from "@/lib/roles";
import type { StartRunResult } from "@/lib/schemas/actions";
import { createSession } from "@/server/auth/sessions";
import { generateAcmeOps } from "@/server/demo/acme-ops";
import { createContextInner } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { contextAs, createTestMetadataDb, memoryCookieJar, type TestMetadataDb } from "@/server/testing/metadata-db";
import { defineAction } from "@/server/actions/define-action";
import { DEMO_SOURCE as ACME_OPS_SOURCE } from "@/lib/app-document/demo-apps";
import { ACTIONS, createActionRegistry } from "@/server/actions/registry";
import { replaceActionRunner, type ActionRunner } from "@/server/actions/runs/action-runner";

export type Caller = ReturnType<typeof createCaller>;

export interface ActionsFixture {
  meta: TestMetadataDb;
  acmeFile: string;
  /** Direct access to the Acme Ops file, behind the actions' back. */
  acme: Database.Database;
  as(role: Role): Promise<Caller>;
  /** A caller signed in as a new user with this role (a second operator, say). */
  asNewUser(role: Role, email: string): Promise<Caller>;
  cleanup(): Promise<void>;
}

export async function createActionsFixture(options: { scale?: number } = {}): Promise<ActionsFixture> {
  const meta = await createTestMetadataDb();
  const acmeFile = path.join(meta.dir, "acme-ops.sqlite"); // where createTestMetadataDb registered "Acme Ops"
  generateAcmeOps({ file: acmeFile, scale: options.scale ?? 0.05 });
  const acme = new Database(acmeFile);
  acme.pragma("busy_timeout = 5000");
  return {
    meta,
    acmeFile,
    acme,
    as: async (role) => createCaller(await contextAs(meta.db, role)),
    asNewUser: async (role, email) => {
      const user = await meta.db.user.create({ data: { email, name: email, role, passwordHash: "not-used" } });
      const jar = memoryCookieJar();
      await createSession({ db: meta.db, jar, userId: user.id });
      return createCaller(await createContextInner({ db: meta.db, jar, clientAddress: "test" }));
    },
    cleanup: async () => {
      acme.close();
      await meta.cleanup();
    },
  };
}

/** Rows of the gated action wait at `gate` unless their `n` is below `openBelow`; `inFlight` counts waiting rows. */
export interface Gate {
  openBelow: number;
  inFlight: number;
  release(): void;
  wait(n: number): Promise<void>;
}

export function createGate(openBelow = 0): Gate {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  const gate: Gate = {
    openBelow,
    inFlight: 0,
    release,
    wait: async (n) => {
      if (n < gate.openBelow) return;
      gate.inFlight += 1;
      await opened;
      gate.inFlight -= 1;
    },
  };
  return gate;
}

/** Writes one outbox row of kind `gated` per invocation (idempotently), after waiting at the gate. */
export function gatedAction(gate: () => Gate) {
  return defineAction({
    name: "gated-outbox",
    title: "Gated outbox write",
    description: "Test action: waits at a gate, then writes one notification_outbox row.",
    target: { source: "acme-ops", rows: false },
    input: z.object({ n: z.number().int() }),
    minRole: "operator",
    timeoutMs: 60_000,
    mode: "perRow",
    run: async (input, ctx) => {
      await gate().wait(input.n);
      return ctx.idempotent(await ctx.datasource(ACME_OPS_SOURCE), async (tx) => {
        const row = await tx.query("INSERT INTO notification_outbox (kind, payload, created_at) VALUES ('gated', ?, '2026-11-26T00:00:00.000Z') RETURNING id", [JSON.stringify(input)]);
        return { n: input.n, outboxId: Number(row.rows[0]?.id) };
      });
    },
  });
}

/** Installs a fresh runner (a "restart") that also knows the test actions. */
export function installRunner(meta: TestMetadataDb, extra: Parameters<typeof createActionRegistry>[0]): ActionRunner {
  return replaceActionRunner({ db: meta.db, registry: createActionRegistry([...ACTIONS, ...extra]), logError: () => undefined });
}

/** The run id of a started run; fails the test when the run was refused. */
export function started(result: StartRunResult): { runId: string; total: number; alreadyStarted: boolean } {
  if (result.status !== "started") throw new Error(`expected the run to start: ${result.message}`);
  return result;
}

/** Polls until `check` is true (or fails after `timeoutMs`). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
