/** FNV-1a, 32 bits, as 8 hex digits: a short stable tag for an id, not a secret. */
export function fnv1a(text: string, basis = 0x811c9dc5): string {
  let hash = basis;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
