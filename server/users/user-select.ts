/** The user columns any API may return: never the password hash. */
import type { Prisma } from "@/generated/prisma/client";

export const publicUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
} satisfies Prisma.UserSelect;
