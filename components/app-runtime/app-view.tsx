"use client";
/**
 * The running app as operators and viewers see it: name, version, an Edit link for its
 * editors, page tabs (`?page=<id>`, beside the inputs' params) and the current page's layout.
 */
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { Badge, EmptyState } from "@/components/ui/surface";
import type { OpenAppView } from "@/lib/schemas/apps";
import styles from "./app-runtime.module.css";
import { AppPageLayout } from "./app-page-layout";
import { encodeInputs, inputWidgets } from "./input-state";
import { AppRuntimeProvider, useAppRuntime } from "./runtime-context";
import type { RuntimeApp } from "./types";

/** Tabs keep the inputs' values in their links (built from the runtime: the URL is written behind Next's back). */
function PageTabs({ view, currentId }: { view: OpenAppView; currentId: string }) {
  const pathname = usePathname();
  const { inputValues, inputDefaults } = useAppRuntime();
  const widgets = useMemo(() => inputWidgets(view.document), [view.document]);
  return (
    <nav aria-label="Pages" className={styles.tabs}>
      {view.document.pages.map((page) => {
        const params = encodeInputs(widgets, inputValues, inputDefaults, new URLSearchParams([["page", page.id]]));
        return (
          <Link key={page.id} href={`${pathname}?${params.toString()}`} scroll={false} className={styles.tab} aria-current={page.id === currentId ? "page" : undefined}>
            {page.name}
          </Link>
        );
      })}
    </nav>
  );
}

export function AppView({ view }: { view: OpenAppView }) {
  const searchParams = useSearchParams();
  const pages = view.document.pages;
  const page = pages.find((candidate) => candidate.id === searchParams.get("page")) ?? pages[0];
  const app = useMemo<RuntimeApp>(
    () => ({ appId: view.app.id, version: "published", document: view.document, actions: view.actions, currentUser: view.currentUser }),
    [view],
  );
  return (
    <AppRuntimeProvider app={app} inputsInUrl>
      <header className={styles.header}>
        <h1 className={styles.appName}>{view.app.name}</h1>
        <Badge tone="accent">Version {view.version.number}</Badge>
        <span className={styles.spacer} />
        {view.app.canEdit ? <Link href={`/apps/${view.app.slug}/edit`}>Edit</Link> : null}
      </header>
      {pages.length > 1 && page ? <PageTabs view={view} currentId={page.id} /> : null}
      {page ? (
        page.widgets.length ? (
          <AppPageLayout page={page} />
        ) : (
          <EmptyState title="This page is empty">{view.app.canEdit ? "Add widgets to it in the editor." : "Nothing has been put on this page yet."}</EmptyState>
        )
      ) : null}
    </AppRuntimeProvider>
  );
}
