/**
 * A participant's handle as shown by default: a phone number keeps its first two and last four characters
 * (`+1 ••• ••• 4444`), an e-mail address its first character and its domain. Handles are never stored;
 * the view shows them only while it is open.
 */
export function maskHandle(handle: string): string {
  const at = handle.lastIndexOf('@');
  if (at > 0) return `${handle.slice(0, 1)}•••${handle.slice(at)}`;
  if (handle.length <= 6) return '•••';
  return `${handle.slice(0, 2)} ••• ••• ${handle.slice(-4)}`;
}
