/**
 * CSRF defence for the tRPC endpoint, on top of SameSite=Lax cookies: a POST must be JSON
 * (an HTML form cannot send that cross-site without a CORS preflight we never grant) and, when
 * the browser sends an Origin, it must be ours.
 */
export function crossSiteRefusal(request: Request): Response | null {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/json")) {
    return Response.json({ error: "Requests that change data must be sent as JSON." }, { status: 415 });
  }
  const origin = request.headers.get("origin");
  if (origin) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) {
      return Response.json({ error: "Cross-site request refused." }, { status: 403 });
    }
  }
  return null;
}
