import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CardText } from "@/app/_components/card-text";

const render = (text: string) => renderToStaticMarkup(createElement(CardText, { text }));

describe("card text", () => {
  it("shows inline code as code, never its backticks", () => {
    const html = render("`docker image pull`・`docker container create` を一度に実行するコマンドは？");
    expect(html).not.toContain("`");
    expect(html.match(/<code[^>]*>([^<]*)<\/code>/g)).toHaveLength(2);
    expect(html).toContain(">docker image pull</code>");
  });

  it("leaves text without code as it is, escaped", () => {
    expect(render("a < b")).toBe("a &lt; b");
  });
});
