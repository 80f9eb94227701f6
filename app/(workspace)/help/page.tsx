/** /help: the reference of bindings — the language, the functions and the formats — for everyone signed in. */
import type { Metadata } from "next";
import { BindingReference } from "@/components/help/binding-reference";
import { PageHeader } from "@/components/ui/surface";

export const metadata: Metadata = { title: "Help" };

export default function HelpPage() {
  return (
    <>
      <PageHeader title="Help: bindings" description="What a {{ }} binding may contain in an app's properties and queries. The builder's Help panel shows the same reference." />
      <BindingReference />
    </>
  );
}
