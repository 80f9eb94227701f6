"use client";
/** The builder's Help panel: the binding reference (language, functions, formats), as on /help. */
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { BindingReference } from "@/components/help/binding-reference";

export function HelpPanel() {
  return (
    <Dialog
      trigger={
        <Button size="small" variant="ghost">
          Help
        </Button>
      }
      title="Bindings reference"
      description={
        <>
          What a <code>{"{{ }}"}</code> binding may contain. Also at{" "}
          <Link href="/help" target="_blank">
            /help
          </Link>
          .
        </>
      }
      wide
    >
      <div style={{ maxHeight: "65vh", overflowY: "auto" }}>
        <BindingReference headingLevel={3} />
      </div>
      <DialogActions cancelLabel="Close" />
    </Dialog>
  );
}
