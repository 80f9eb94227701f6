// @ts-check
// next build / dev / start all load this file first: bring the index of the engineers' actions/ up to date.
require("./scripts/discover-actions.cjs").writeActionsIndex();
/**
 * Next.js configuration. Native and WASM database drivers stay outside the server bundle so
 * they load from node_modules at run time exactly as in tests.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "libpg-query",
    "@guanmingchiu/sqlparser-ts",
    "pg",
    "mysql2",
    "@prisma/adapter-better-sqlite3",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
