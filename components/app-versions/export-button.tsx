"use client";
/**
 * Downloads the document as `<slug>.rowcraft.json`: keys sorted, one property per line, so a
 * file kept in git shows a change as a small diff.
 */
import { Button } from "@/components/ui/button";
import { downloadFile } from "@/components/ui/download";
import { stableStringify, type AppDocument } from "@/lib/app-document";

export function exportFileName(document: Pick<AppDocument, "slug">): string {
  return `${document.slug}.rowcraft.json`;
}

export function ExportButton({ document: appDocument }: { document: AppDocument }) {
  return <Button onClick={() => downloadFile(exportFileName(appDocument), stableStringify(appDocument), { type: "application/json" })}>Export</Button>;
}
