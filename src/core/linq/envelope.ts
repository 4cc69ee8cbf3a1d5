/**
 * The Linq error envelope, read defensively: {success:false, error:{status, code, message, doc_url?, retry_after?},
 * trace_id?}. Only the code must be right for a body to count as an envelope; every other field is optional
 * and may be of the wrong type, because the body comes from whoever answered.
 */
export interface LinqEnvelope {
  code: number;
  message: unknown;
  docUrl: unknown;
  retryAfter: unknown;
  traceId: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** A code sent as a digit string ("2001") is still recognisably a code; anything else is not. */
function readCode(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return raw;
  if (typeof raw === 'string' && /^\d{1,6}$/.test(raw)) return Number(raw);
  return undefined;
}

export function readEnvelope(json: unknown): LinqEnvelope | undefined {
  if (!isRecord(json) || !isRecord(json.error)) return undefined;
  const code = readCode(json.error.code);
  if (code === undefined) return undefined;
  return {
    code,
    message: json.error.message,
    docUrl: json.error.doc_url,
    retryAfter: json.error.retry_after,
    traceId: json.trace_id,
  };
}
