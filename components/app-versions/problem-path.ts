/**
 * A problem's path ("pages[0].widgets[2].props.data") in the words a builder sees in the editor
 * ("Widget ordersTable → props.data"). With the document the numbers become names; without it,
 * the positions are still given in words.
 */
import type { AppDocument } from "@/lib/app-document";

const WIDGET = /^pages\[(\d+)\]\.widgets\[(\d+)\](?:\.(.*))?$/;
const PAGE = /^pages\[(\d+)\](?:\.(.*))?$/;
const QUERY = /^queries\[(\d+)\](?:\.(.*))?$/;

function withRest(head: string, rest: string | undefined): string {
  return rest ? `${head} → ${rest}` : head;
}

export function describeProblemPath(path: string, document?: AppDocument | null): string {
  if (path === "") return "The app document";
  const widget = WIDGET.exec(path);
  if (widget) {
    const [, pageIndex = "0", widgetIndex = "0", rest] = widget;
    const found = document?.pages[Number(pageIndex)]?.widgets[Number(widgetIndex)];
    return withRest(found ? `Widget ${found.id}` : `Widget ${Number(widgetIndex) + 1} on page ${Number(pageIndex) + 1}`, rest);
  }
  const page = PAGE.exec(path);
  if (page) {
    const [, pageIndex = "0", rest] = page;
    const found = document?.pages[Number(pageIndex)];
    return withRest(found ? `Page ${found.name}` : `Page ${Number(pageIndex) + 1}`, rest);
  }
  const query = QUERY.exec(path);
  if (query) {
    const [, queryIndex = "0", rest] = query;
    const found = document?.queries[Number(queryIndex)];
    return withRest(found ? `Query ${found.id}` : `Query ${Number(queryIndex) + 1}`, rest);
  }
  if (path.startsWith("permissions")) return withRest("Permissions", path.slice("permissions.".length) || undefined);
  return withRest("App", path);
}
