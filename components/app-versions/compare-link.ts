/** The address of the diff view between two versions of an app. */
export function compareHref(slug: string, from: number, to: number): string {
  return `/apps/${encodeURIComponent(slug)}/versions?from=${from}&to=${to}`;
}
