#!/bin/sh
echo "Rowcraft: the native Prisma schema engine is not available; migrations run through server/db/migrate.ts" >&2
exit 1
