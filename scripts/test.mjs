// `npm test`: every check, in order, stopping at the first failure — typecheck, lint, unit
// tests, integration tests (real PostgreSQL, MariaDB, SQLite), production build, end-to-end
// tests in Chromium. Missing prerequisites stop the run with how to get them; nothing is skipped.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.resolve("node_modules/.bin", name);
const reports = path.resolve(".cache/reports");
const totals = { passed: 0, failed: 0 };

function step(title, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds} s`);
    finish(false);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function finish(ok) {
  console.log(`\nRowcraft: ${totals.passed} passed, ${totals.failed} failed${ok ? "" : " (stopped at the first failing step)"}`);
  process.exit(ok ? 0 : 1);
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

function addVitest(file) {
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
}

function addPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
}

async function preflight() {
  const problems = [];
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    problems.push(`Chromium not found at ${chromium}. Install Debian's: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const pgUrl = new URL(process.env.ROWCRAFT_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  if (!(await canConnect(pgUrl.hostname, Number(pgUrl.port || 5432)))) {
    problems.push(`PostgreSQL is not reachable at ${pgUrl.host}. Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (or set ROWCRAFT_TEST_POSTGRES_URL).`);
  }
  const myUrl = new URL(process.env.ROWCRAFT_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test");
  if (!(await canConnect(myUrl.hostname, Number(myUrl.port || 3306)))) {
    problems.push(`MariaDB/MySQL is not reachable at ${myUrl.host}. Start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd (or set ROWCRAFT_TEST_MYSQL_URL).`);
  }
  if (problems.length) {
    console.error(`Rowcraft tests need real databases and a real browser:\n- ${problems.join("\n- ")}`);
    finish(false);
  }
}

await preflight();
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
step("Typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
step("Lint", bin("eslint"), ["--max-warnings=0", "."]);
for (const project of ["unit", "integration"]) {
  const file = path.join(reports, `${project}.json`);
  const started = Date.now();
  console.log(`\n▶ ${project} tests`);
  const result = spawnSync(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], { stdio: "inherit", env });
  if (fs.existsSync(file)) addVitest(file);
  if (result.status !== 0) {
    console.error(`\n✖ ${project} tests failed`);
    finish(false);
  }
  console.log(`✔ ${project} tests (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
step("Production build", bin("next"), ["build"]);
const e2e = spawnSync(bin("playwright"), ["test"], { stdio: "inherit", env });
addPlaywright(path.join(reports, "e2e.json"));
if (e2e.status !== 0) {
  console.error("\n✖ end-to-end tests failed");
  finish(false);
}
finish(true);
