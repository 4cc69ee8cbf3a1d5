import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CatalogueEntry } from '../../core/linq/types.ts';
import { RETRY_TEXT } from '../../core/linq/outcome.ts';

export interface CodesViewProps {
  catalogue: readonly CatalogueEntry[];
  /** The code to show and highlight, e.g. from "Look up 2001 in Codes". */
  selectedCode?: number;
}

/** Every documented error code, searchable, with no request needed. */
export function CodesView({ catalogue, selectedCode }: CodesViewProps) {
  const [query, setQuery] = useState('');
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = useMemo(
    () =>
      catalogue.filter((entry) => {
        const text = `${entry.code} ${entry.http} ${entry.message} ${entry.category} ${entry.hint}`.toLowerCase();
        return terms.every((term) => text.includes(term));
      }),
    [catalogue, query],
  );
  useEffect(() => {
    if (selectedCode === undefined) return;
    setQuery('');
    document.getElementById(`code-${selectedCode}`)?.scrollIntoView({ block: 'center' });
  }, [selectedCode]);
  return (
    <section class="codes" aria-label="Error codes">
      <div class="field search">
        <label for="codes-search">Search codes</label>
        <input
          id="codes-search"
          type="search"
          value={query}
          placeholder="Code, status or words"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      {selectedCode !== undefined && !catalogue.some((entry) => entry.code === selectedCode) ? (
        <p class="field-note">
          {selectedCode} is not in the documented catalogue; its range decides what it means. See the error index.
        </p>
      ) : null}
      <table class="codes-table">
        <caption>
          {rows.length} of {catalogue.length} documented codes
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">HTTP</th>
            <th scope="col">Meaning</th>
            <th scope="col">Retry</th>
            <th scope="col">What to do</th>
            <th scope="col">Docs</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr
              key={entry.code}
              id={`code-${entry.code}`}
              class={entry.code === selectedCode ? 'selected' : undefined}
              aria-current={entry.code === selectedCode ? 'true' : undefined}
            >
              <th scope="row">{entry.code}</th>
              <td>{entry.http}</td>
              <td>
                {entry.message}
                <div class="field-note">{entry.category}</div>
              </td>
              <td>{RETRY_TEXT[entry.retry]}</td>
              <td>{entry.hint}</td>
              <td>
                <a href={entry.docUrl} target="_blank" rel="noopener noreferrer">
                  Documentation for {entry.code}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
