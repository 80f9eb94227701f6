/** Shown when a signed-in user opens a page above their role (the API refuses them too). */
import Link from "next/link";
import { EmptyState } from "@/components/ui/surface";
import { ROLE_LABELS, type Role } from "@/lib/roles";

export function AccessDenied({ minimum }: { minimum: Role }) {
  return (
    <EmptyState title="You don't have access to this page" action={<Link href="/">Back to apps</Link>}>
      It needs the {ROLE_LABELS[minimum]} role or above. Ask an admin if you need it.
    </EmptyState>
  );
}
