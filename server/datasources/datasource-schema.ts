/**
 * A data source's introspected schema, cached in the metadata database (it feeds autocomplete
 * and the publish-time checks, which must not hit the database every keystroke) and refreshed
 * on demand.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { SchemaInfo } from "@/server/datasources/drivers/types";
import { DriverError } from "@/server/datasources/drivers/types";
import { getDriver } from "@/server/datasources/drivers/registry";
import { openConnection } from "@/server/datasources/stored-datasource";

export interface CachedSchema {
  schema: SchemaInfo;
  cachedAt: Date;
}

export async function getDatasourceSchema(options: { db: Db; id: string; refresh?: boolean }): Promise<CachedSchema> {
  const row = await options.db.dataSource.findUnique({ where: { id: options.id } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
  if (!options.refresh && row.schemaCache && row.schemaCachedAt) {
    return { schema: JSON.parse(row.schemaCache) as SchemaInfo, cachedAt: row.schemaCachedAt };
  }
  let schema: SchemaInfo;
  try {
    schema = await getDriver(row.id, openConnection(row), row.updatedAt).introspect();
  } catch (error) {
    const message = error instanceof DriverError || error instanceof Error ? error.message : "unknown error";
    throw new TRPCError({ code: "BAD_GATEWAY", message: `Could not read the schema of ${row.name}: ${message}`, cause: error });
  }
  const cachedAt = new Date();
  // updateMany: the source may have been removed meanwhile; then there is nothing to cache.
  await options.db.dataSource.updateMany({ where: { id: row.id }, data: { schemaCache: JSON.stringify(schema), schemaCachedAt: cachedAt } });
  return { schema, cachedAt };
}
