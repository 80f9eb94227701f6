/** The connection settings the edit form may show: everything but the password. */
import type { Connection, ConnectionView } from "@/lib/schemas/datasources";

export function toConnectionView(connection: Connection): ConnectionView {
  if (connection.kind === "sqlite") return { kind: "sqlite", file: connection.file };
  const { password, ...rest } = connection;
  return { ...rest, hasPassword: password.length > 0 };
}
