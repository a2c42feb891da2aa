import { headers } from "next/headers";

// Runs with the first paint, before React: keys pressed while the page is not yet
// interactive are kept (window.__kiokuKeys) for the review session to play once it is.
// Space is kept from scrolling the page; IME composition is left alone.
const script = `window.__kiokuKeys=[];addEventListener("keydown",function(e){var q=window.__kiokuKeys;if(!q||e.isComposing||e.keyCode===229)return;var f=e.target instanceof HTMLInputElement;if(e.key===" "&&!f)e.preventDefault();q.push({key:e.key,inField:f})});`;

/** Keeps keys pressed before hydration for <ReviewSession />. */
export async function EarlyKeys() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, allowed by the page's nonce.
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
