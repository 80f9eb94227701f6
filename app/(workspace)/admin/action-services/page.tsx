import type { Metadata } from "next";
import { ActionServiceAdmin } from "@/components/admin/action-service-admin";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Action services" };

export default async function ActionServicesPage() {
  const access = await requirePageRole("admin");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { caller } = await getServerCaller();
  const services = await caller.actionServices.list();
  return (
    <>
      <PageHeader title="Action services" description="Your engineers' own services that serve actions with @rowcraft/actions. Their actions appear to builders beside Rowcraft's, marked with the service." />
      <ActionServiceAdmin initialServices={services} />
    </>
  );
}
