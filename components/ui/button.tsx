/** The one button. `asChild` renders the styling onto a link (Radix Slot). */
import { Slot } from "@radix-ui/react-slot";
import type { ButtonHTMLAttributes } from "react";
import styles from "./button.module.css";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "normal" | "small";
  asChild?: boolean;
}

export function Button({ variant = "secondary", size = "normal", asChild = false, className, type, ...props }: ButtonProps) {
  const Component = asChild ? Slot : "button";
  const classes = [styles.button, styles[variant], size === "small" ? styles.small : "", className ?? ""].filter(Boolean).join(" ");
  return <Component className={classes} {...(asChild ? {} : { type: type ?? "button" })} {...props} />;
}
