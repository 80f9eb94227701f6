import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TrpcReactProvider } from "@/lib/trpc/client";
import "./globals.css";

// Every page carries a per-request CSP nonce (proxy.ts), which Next can only add to its scripts
// when it renders the page for that request: a page prerendered at build time would be blocked.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Rowcraft", template: "%s · Rowcraft" },
  description: "Internal tools on guarded SQL and engineer-owned actions.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TrpcReactProvider>{children}</TrpcReactProvider>
      </body>
    </html>
  );
}
