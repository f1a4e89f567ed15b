// A generic view of any JSON value: objects as facts, lists of flat objects as tables.
import type { ComponentChildren } from 'preact';

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A published record's content, shown as nested facts and tables; works for any JSON. */
export function JsonView(props: { value: unknown; depth?: number }): ComponentChildren {
  const { value } = props;
  const depth = props.depth ?? 0;
  if (value === null || value === undefined) return <span>—</span>;
  if (typeof value !== 'object') return <span>{scalar(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span>—</span>;
    const rows = value as unknown[];
    const allFlatObjects = rows.every(
      (r) =>
        r !== null &&
        typeof r === 'object' &&
        !Array.isArray(r) &&
        Object.values(r).every((v) => typeof v !== 'object' || v === null),
    );
    if (allFlatObjects) {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
      return (
        <div class="table-scroll">
          <table class="striped">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{scalar((r as Record<string, unknown>)[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    return (
      <ol>
        {rows.map((r, i) => (
          <li key={i}>
            <JsonView value={r} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <dl class="facts">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <JsonView value={v} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
