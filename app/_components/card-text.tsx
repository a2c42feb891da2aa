/** Card text with its `inline code` shown as code, not as backticks. */
export function CardText({ text }: { text: string }) {
  const parts = text.split(/(`[^`\n]+`)/);
  return parts.map((part, index) =>
    /^`[^`\n]+`$/.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order.
      <code key={index} className="rounded bg-zinc-100 px-1 font-mono text-[0.9em] dark:bg-zinc-800">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}
