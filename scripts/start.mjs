// `npm start`: build when the sources changed since the last build, prepare the installation
// (migrations, demo data, seed), then serve the production build and print where it is.
// `--dev` serves with `next dev` instead; `--no-build` never builds (CI builds once up front).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const args = new Set(process.argv.slice(2));
const isDev = args.has("--dev");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.resolve("node_modules/.bin", name);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// A cheap fingerprint of everything that goes into the build: paths, sizes and mtimes.
function sourceFingerprint() {
  const hash = createHash("sha256");
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) visit(path.join(entry, child));
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const entry of ["actions", "app", "components", "lib", "server", "generated", "public", "package-lock.json", "next.config.js", "tsconfig.json"]) visit(entry);
  return hash.digest("hex");
}

// First, so that the fingerprint below already sees the current index of actions/.
run(process.execPath, ["scripts/discover-actions.cjs"]);

const fingerprintFile = path.join(".next", "rowcraft-source-fingerprint");
if (!isDev && !args.has("--no-build")) {
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(fingerprintFile) ? fs.readFileSync(fingerprintFile, "utf8") : "";
  if (built !== fingerprint || !fs.existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("Rowcraft: building the production bundle (first start or sources changed)…");
    run(bin("next"), ["build"]);
    fs.writeFileSync(fingerprintFile, fingerprint);
  }
}

run(bin("tsx"), ["scripts/prepare.ts"]);

// While developing, an action file added to or removed from actions/ is picked up at once.
if (isDev) {
  const { writeActionsIndex } = createRequire(import.meta.url)("./discover-actions.cjs");
  let timer = null;
  fs.watch("actions", { recursive: true }, (_event, file) => {
    if (String(file ?? "").endsWith("index.generated.ts")) return;
    clearTimeout(timer);
    timer = setTimeout(() => writeActionsIndex(), 100);
  });
}

const server = spawn(bin("next"), [isDev ? "dev" : "start", "-p", port], { stdio: ["inherit", "pipe", "inherit"], env });
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /ready|started|Local:/i.test(String(chunk))) {
    announced = true;
    console.log(`\nRowcraft is running: http://localhost:${port}  (sign in with a demo login above)\n`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
