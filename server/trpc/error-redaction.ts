/**
 * What the server says about an error to a browser. Unexpected errors (INTERNAL_SERVER_ERROR)
 * get a generic message with a short reference that is logged next to the real error; every
 * other message keeps its words but loses server file paths (a driver may name the file it
 * could not use), which an operator has no use for and an attacker would.
 */
import { randomBytes } from "node:crypto";

/** Absolute POSIX paths with at least one folder, not part of a URL (`//host/…`) or a word. */
const ABSOLUTE_PATH = /(?<![\w:/.~-])\/(?:[\w.@+-]+\/)+([\w.@+-]+)/g;

/** Replaces each absolute file path in `message` with its last part (the file's name). */
export function redactServerPaths(message: string): string {
  return message.replace(ABSOLUTE_PATH, (_match, name: string) => name);
}

export function newErrorReference(): string {
  return randomBytes(5).toString("hex");
}

export function internalErrorMessage(reference: string): string {
  return `Something went wrong on the server. Try again; if it keeps happening, give an administrator this reference: ${reference}.`;
}
