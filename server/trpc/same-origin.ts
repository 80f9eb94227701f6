/**
 * CSRF defence for the tRPC endpoint, on top of SameSite=Lax cookies: a POST must be JSON
 * (an HTML form cannot send that cross-site without a CORS preflight we never grant) and, when
 * the browser sends an Origin, it must be ours: the request's Host, or the origin of
 * ROWCRAFT_PUBLIC_URL when an administrator set it (a proxy that rewrites Host). The
 * X-Forwarded-Host header is never believed: any client can send it, so trusting it would let
 * a page on another site name itself as "ours".
 */
export function crossSiteRefusal(request: Request, publicUrl: string | undefined = process.env.ROWCRAFT_PUBLIC_URL): Response | null {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/json")) {
    return Response.json({ error: "Requests that change data must be sent as JSON." }, { status: 415 });
  }
  const origin = request.headers.get("origin");
  if (origin && !isOwnOrigin(origin, request.headers.get("host"), publicUrl)) {
    return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  }
  return null;
}

function parseOrigin(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function isOwnOrigin(origin: string, host: string | null, publicUrl: string | undefined): boolean {
  const claimed = parseOrigin(origin);
  if (!claimed) return false;
  if (host && claimed.host === host) return true;
  const configured = publicUrl ? parseOrigin(publicUrl) : null;
  return configured !== null && claimed.origin === configured.origin;
}
