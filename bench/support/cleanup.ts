/**
 * Clean-up steps of a benchmark (stop the server, drop the database, remove the data folder),
 * run in reverse order at the end — also on failure and on Ctrl-C — so a run leaves nothing
 * behind. Benchmarks push steps as they create things and call `cleanUp()` in `finally`.
 */
export const cleanups: (() => Promise<void>)[] = [];

export async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      console.error("clean-up step failed:", error);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  });
}
