import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { isOwnImageSource, SafeMarkdown } from "./safe-markdown";

const render = (markdown: string, allowRemoteImages?: boolean) => renderToStaticMarkup(createElement(SafeMarkdown, { markdown, allowRemoteImages }));

describe("SafeMarkdown", () => {
  it("shows an image from another website as a link instead of loading it", () => {
    for (const src of ["https://tracker.example/pixel.png?who=me", "//tracker.example/p.png", "http://10.0.0.1/p.png"]) {
      const html = render(`![pixel](${src})`);
      expect(html).not.toContain("<img");
      expect(html).toContain(`rel="noopener noreferrer nofollow"`);
      expect(html).toContain("[image: pixel]");
    }
  });

  it("loads images from our own origin, and remote ones only when the builder allows", () => {
    expect(render("![logo](/logo.png)")).toContain('<img src="/logo.png" alt="logo"/>');
    expect(render("![chart](https://cdn.acme.test/c.png)", true)).toContain('<img src="https://cdn.acme.test/c.png"');
  });

  it("gives every link rel=noopener noreferrer nofollow, and drops raw HTML", () => {
    const html = render('[site](https://example.com) <img src="https://tracker.example/x.png">');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">site</a>');
    expect(html).not.toContain("tracker.example");
  });

  it("tells own image sources from others", () => {
    expect(isOwnImageSource("logo.png")).toBe(true);
    expect(isOwnImageSource("/a/b.png")).toBe(true);
    expect(isOwnImageSource("https://rowcraft.invalid.evil.test/x.png")).toBe(false);
    expect(isOwnImageSource("//evil.test/x.png")).toBe(false);
  });
});
