/**
 * The one place that picks a driver for a connection's kind. Drivers are lazy: creating one
 * opens nothing until the first query, test or introspection.
 */
import type { Connection } from "@/lib/schemas/datasources";
import { MysqlDriver } from "./mysql-driver";
import { PostgresDriver } from "./postgres-driver";
import { SqliteDriver } from "./sqlite-driver";
import type { Driver, DriverOptions } from "./types";

export function createDriver(connection: Connection, options: DriverOptions = {}): Driver {
  switch (connection.kind) {
    case "postgres":
      return new PostgresDriver(connection, options);
    case "mysql":
      return new MysqlDriver(connection, options);
    case "sqlite":
      return new SqliteDriver(connection, options);
  }
}
