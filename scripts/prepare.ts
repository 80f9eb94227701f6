/** `npm start` step: migrate, generate the demo data on first start, seed, and print the logins. */
import { prepareInstallation } from "@/server/seed/prepare-installation";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/seed/demo-users";

async function main() {
const started = Date.now();
const result = await prepareInstallation();
const steps = [
  result.appliedMigrations.length ? `applied migrations: ${result.appliedMigrations.join(", ")}` : "migrations up to date",
  result.createdDemoDatabase ? "generated the Acme Ops demo database" : null,
  result.createdUsers ? "created the demo users" : null,
  result.createdDatasource ? "registered the Acme Ops data source" : null,
  result.createdApps.length ? `created and published the demo apps ${result.createdApps.join(" and ")}` : null,
].filter(Boolean);
console.log(`Rowcraft: ${steps.join("; ")} (${Date.now() - started} ms)`);
if (result.createdUsers || process.env.ROWCRAFT_PRINT_LOGINS !== "false") {
  console.log(`Demo logins (password "${DEMO_PASSWORD}" for each; created on first start, change them in Admin → Users):`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email}`);
}
}

main().catch((error: unknown) => {
  console.error("Rowcraft could not prepare its data:", error instanceof Error ? error.message : error);
  process.exit(1);
});
