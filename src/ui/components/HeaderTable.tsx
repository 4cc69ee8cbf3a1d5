/** Headers as a two-column table, every value as text (they come from whoever answered). */
export function HeaderTable({ headers, label }: { headers: ReadonlyArray<readonly [string, string]>; label: string }) {
  if (headers.length === 0) return <p class="field-note">No headers.</p>;
  return (
    <table class="headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row">{name}</th>
            <td class="server-text">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
