/**
 * The demo apps ("Order desk", "Ops dashboard") on Acme Ops, created on first start from their
 * documents (lib/app-document/demo-apps.ts) as version 1 and published. An app an admin removed
 * stays removed: the audit log remembers it.
 */
import { appDocumentSchema } from "@/lib/app-document";
import { opsDashboardApp, orderDeskApp } from "@/lib/app-document/demo-apps";
import type { Db } from "@/server/db/client";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { insertApp } from "@/server/apps/app-catalog";

const DEMO_APPS = [
  { document: orderDeskApp, description: "Late shipments and open orders: filter, edit notes and status, refund or resend notifications." },
  { document: opsDashboardApp, description: "Revenue, orders by status, refund rate, open tickets and top customers for a period." },
];

/** Returns the names of the apps it created. */
export async function seedDemoApps(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_APPS) {
    const document = appDocumentSchema.parse(demo.document);
    if (await db.app.findFirst({ where: { OR: [{ id: document.id }, { slug: document.slug }] }, select: { id: true } })) continue;
    if (await db.auditEvent.findFirst({ where: { action: "app.remove", targetId: document.id }, select: { id: true } })) continue;
    await insertApp({ db, user: null, id: document.id, document, description: demo.description, message: "Demo app" });
    await db.app.update({ where: { id: document.id }, data: { publishedVersion: 1, publishedAt: new Date() } });
    await recordAuditEvent({ db, actor: null, action: "app.create", target: { type: "app", id: document.id }, detail: { name: document.name, demo: true, published: 1 } });
    created.push(document.name);
  }
  return created;
}
