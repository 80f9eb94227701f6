/**
 * The Content-Security-Policy of every page (set by proxy.ts, a fresh nonce per request; API
 * responses get a fixed `default-src 'none'` from next.config.js). Scripts run only from our origin with this request's
 * nonce ('strict-dynamic' lets Next's own loader add its chunks); nothing may be framed,
 * posted elsewhere or fetched from elsewhere; images only from our origin, data:/blob: URLs,
 * and the hosts an administrator lists in ROWCRAFT_CSP_IMG_SRC (default none). Styles allow
 * inline because React style attributes, the grid layout and CodeMirror set styles at run
 * time; styles cannot run code.
 */

export interface CspOptions {
  nonce: string;
  isDev: boolean;
  /** Extra image sources (space-separated CSP source expressions), e.g. "https://cdn.acme.test". */
  extraImageSources?: string;
  /** Served over HTTPS (ROWCRAFT_SECURE_COOKIES=true): also upgrade any http:// subresource. */
  secure?: boolean;
}

/** Only plain host sources ("https://cdn.acme.test", "https://*.acme.test") are taken from the setting. */
function imageSources(setting: string | undefined): string[] {
  return (setting ?? "").split(/\s+/).filter((source) => /^https:\/\/[a-z0-9*.-]+(:\d+)?$/i.test(source));
}

export function pageContentSecurityPolicy(options: CspOptions): string {
  const directives = [
    "default-src 'self'",
    // Development needs eval for React's error overlays and fast refresh; production never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageSources(options.extraImageSources)].join(" "),
    "font-src 'self'",
    `connect-src 'self'${options.isDev ? " ws: wss:" : ""}`,
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.secure) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
