/**
 * Next.js proxy (formerly "middleware"): gives every page request a fresh CSP nonce. Next
 * reads the nonce from the request's Content-Security-Policy header and puts it on its own
 * scripts; the same policy goes out on the response (server/http/content-security-policy.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy } from "@/server/http/content-security-policy";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = pageContentSecurityPolicy({
    nonce,
    isDev: process.env.NODE_ENV === "development",
    extraImageSources: process.env.ROWCRAFT_CSP_IMG_SRC,
    secure: process.env.ROWCRAFT_SECURE_COOKIES === "true",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API answers get their own fixed policy (next.config.js); built assets need none.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
