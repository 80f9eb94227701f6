/** The context validateAppDocument needs, read from this Rowcraft: data source names and actions. */
import type { ValidationContext } from "@/lib/app-document";
import type { Db } from "@/server/db/client";
import { listActions } from "@/server/actions/registry";
import { syncRemoteActions } from "@/server/action-services/remote-actions";

export async function validationContext(db: Db): Promise<ValidationContext> {
  const [sources] = await Promise.all([db.dataSource.findMany({ select: { name: true } }), syncRemoteActions(db)]);
  // Validation is about what the actions accept, not who may run them: describe them as an admin sees them.
  const actions = Object.fromEntries(listActions({ role: "admin", datasources: sources.map((source) => source.name) }).map((action) => [action.name, action]));
  return { datasources: sources.map((source) => source.name), actions };
}
