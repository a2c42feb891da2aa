/** A cell of the page's small tables. */
export const cell = "border-b border-zinc-200 px-2 py-1 text-left dark:border-zinc-800";

/** A collapsed table with a chart's figures: its text alternative for every reader. */
export function DataTable({
  caption,
  rows,
  headers,
}: {
  caption: string;
  headers: [string, string];
  rows: [string, string][];
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{caption}</summary>
      <table className="mt-2">
        <thead>
          <tr>
            <th className={cell}>{headers[0]}</th>
            <th className={cell}>{headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([a, b]) => (
            <tr key={a}>
              <td className={cell}>{a}</td>
              <td className={cell}>{b}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
