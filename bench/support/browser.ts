/**
 * Debian's Chromium for the browser benchmarks, with the end-to-end tests' flags
 * (playwright.config.ts) and viewport (Desktop Chrome, 1280 × 720).
 */
import { chromium, type Browser, type BrowserContext } from "@playwright/test";

export const E2E_CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: E2E_CHROMIUM_ARGS });
}

export async function newBenchContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 } });
  // tsx compiles the benchmarks with esbuild's keepNames, which wraps named functions in
  // `__name(…)`; functions passed to page.evaluate / addInitScript run in the page, where that
  // helper must exist too.
  await context.addInitScript({ content: "window.__name = (fn) => fn;" });
  return context;
}
