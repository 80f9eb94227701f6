import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const { session } = await getServerCaller();
  if (session) redirect("/");
  return <SignInForm />;
}
