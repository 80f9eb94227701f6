/** The demo accounts created on first start, one per role. Printed by `npm start`. */
import type { Role } from "@/lib/roles";

export const DEMO_PASSWORD = "rowcraft-demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@acme.test", name: "Ada Admin", role: "admin" },
  { email: "builder@acme.test", name: "Bo Builder", role: "builder" },
  { email: "operator@acme.test", name: "Olu Operator", role: "operator" },
  { email: "viewer@acme.test", name: "Vi Viewer", role: "viewer" },
];
