import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TrpcReactProvider } from "@/lib/trpc/client";
import "./globals.css";

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
