/** Zod schemas for accounts, shared by the tRPC inputs and the forms that fill them. */
import { z } from "zod";
import { roleSchema } from "@/lib/roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }));

export const passwordSchema = z
  .string()
  .min(10, { message: "Use at least 10 characters." })
  .max(200, { message: "Use at most 200 characters." });

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, { message: "Enter your email." }).max(320),
  password: z.string().min(1, { message: "Enter your password." }).max(200),
});
export type SignInInput = z.infer<typeof signInInput>;

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { message: "Enter a name." }).max(120),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const setRoleInput = z.object({ userId: z.string().min(1), role: roleSchema });
export const setActiveInput = z.object({ userId: z.string().min(1), active: z.boolean() });
