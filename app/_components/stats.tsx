import type { ReactNode } from "react";

/** A titled section of a page, labelled by its heading. */
export function Section({
  id,
  title,
  children,
  className = "space-y-2",
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Figures in boxes: a label over each value; `data-testid` is the figure's key. */
export function StatGrid({
  items,
  className = "grid grid-cols-2 gap-3 sm:grid-cols-4",
}: {
  items: { key: string; label: string; value: string }[];
  className?: string;
}) {
  return (
    <dl className={className}>
      {items.map(({ key, label, value }) => (
        <div key={key} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="text-2xl font-semibold" data-testid={key}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
