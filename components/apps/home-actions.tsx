"use client";
/** The home page's builder actions: start an app from nothing or from an exported file. */
import { useRouter } from "next/navigation";
import { ImportAppDialog } from "./import-app-dialog";
import { NewAppDialog } from "./new-app-dialog";

export function HomeActions() {
  const router = useRouter();
  return (
    <div style={{ display: "flex", gap: "var(--space-2)" }}>
      <ImportAppDialog onImported={() => router.refresh()} />
      <NewAppDialog />
    </div>
  );
}
