"use client";
/**
 * Markdown from app data, rendered so that it cannot reach out on its own: no raw HTML, an
 * image from another origin becomes a link (loading it would tell that site who looked and
 * when) unless the builder allowed remote images, and every link opens without passing on the
 * page (rel="noopener noreferrer nofollow").
 */
import type { ComponentPropsWithoutRef } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

export const LINK_REL = "noopener noreferrer nofollow";

/** A placeholder origin for resolving relative URLs: anything that keeps it is our own origin. */
const OWN = "https://rowcraft.invalid";

/** Whether loading `src` stays on our origin or inside the page (data:, blob:). */
export function isOwnImageSource(src: string): boolean {
  try {
    const url = new URL(src, OWN);
    return url.origin === OWN || url.protocol === "data:" || url.protocol === "blob:";
  } catch {
    return false;
  }
}

function markdownComponents(allowRemoteImages: boolean): Components {
  return {
    a: ({ node: _node, ...props }: ComponentPropsWithoutRef<"a"> & { node?: unknown }) => <a {...props} rel={LINK_REL} />,
    img: ({ node: _node, src, alt, ...props }: ComponentPropsWithoutRef<"img"> & { node?: unknown }) => {
      const source = typeof src === "string" ? src : "";
      if (source === "") return null;
      if (allowRemoteImages || isOwnImageSource(source)) {
        // eslint-disable-next-line @next/next/no-img-element -- arbitrary markdown images, not optimisable assets
        return <img {...props} src={source} alt={alt ?? ""} />;
      }
      return (
        <a href={source} rel={LINK_REL} title="Image from another website, not loaded">
          {`[image${alt ? `: ${alt}` : ""}]`}
        </a>
      );
    },
  };
}

export function SafeMarkdown({ markdown, allowRemoteImages = false }: { markdown: string; allowRemoteImages?: boolean }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={markdownComponents(allowRemoteImages)}>
      {markdown}
    </ReactMarkdown>
  );
}
