import type { Metadata } from "next";
import { UserAdmin } from "@/components/admin/user-admin";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/ui/surface";
import { getServerCaller, requirePageRole } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Users & roles" };

export default async function UsersPage() {
  const access = await requirePageRole("admin");
  if (!access.allowed) return <AccessDenied minimum={access.minimum} />;
  const { caller } = await getServerCaller();
  const users = await caller.users.list();
  return (
    <>
      <PageHeader title="Users & roles" description="Who can sign in, and what each person may do." />
      <UserAdmin initialUsers={users} currentUserId={access.session.user.id} />
    </>
  );
}
