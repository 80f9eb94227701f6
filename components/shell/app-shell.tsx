"use client";
/** The workspace frame: navigation filtered by role, the signed-in account and sign-out. */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/surface";
import { hasRole, ROLE_LABELS, type Role } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc/client";
import { clearLocalDrafts } from "@/lib/local-drafts";
import { CurrentUserIdProvider } from "./current-user";
import styles from "./app-shell.module.css";

interface NavItem {
  href: string;
  label: string;
  minimum: Role;
  section?: string;
}

const NAV: NavItem[] = [
  { href: "/", label: "Apps", minimum: "viewer" },
  { href: "/runs", label: "Action runs", minimum: "operator" },
  { href: "/tables", label: "Table editor", minimum: "builder" },
  { href: "/workbench", label: "Query workbench", minimum: "builder" },
  { href: "/data-sources", label: "Data sources", minimum: "builder" },
  { href: "/help", label: "Help", minimum: "viewer" },
  { href: "/admin/users", label: "Users & roles", minimum: "admin", section: "Admin" },
  { href: "/admin/action-services", label: "Action services", minimum: "admin" },
  { href: "/admin/audit", label: "Audit log", minimum: "admin" },
];

export interface ShellUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        // Unsaved work stays with the person who made it: the next one on this browser starts clean.
        clearLocalDrafts(window.localStorage);
        router.replace("/sign-in");
        router.refresh();
      },
    }),
  );
  const items = NAV.filter((item) => hasRole(user.role, item.minimum));
  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar}>
        <div className={styles.brand}>Rowcraft</div>
        <nav aria-label="Main" className={styles.nav}>
          {items.map((item) => (
            <div key={item.href} className={styles.nav}>
              {item.section ? <div className={styles.navSection}>{item.section}</div> : null}
              <Link href={item.href} className={styles.navLink} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}>
                {item.label}
              </Link>
            </div>
          ))}
        </nav>
        <div className={styles.account} aria-label="Account">
          <span className={styles.accountName}>{user.name}</span>
          <span className={styles.accountEmail}>{user.email}</span>
          <span>
            <Badge tone="accent">{ROLE_LABELS[user.role]}</Badge>
          </span>
          <Button size="small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </Button>
        </div>
      </aside>
      <main className={styles.main}>
        <CurrentUserIdProvider userId={user.id}>{children}</CurrentUserIdProvider>
      </main>
    </div>
  );
}

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname.startsWith(href);
}
