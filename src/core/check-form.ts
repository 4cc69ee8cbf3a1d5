import { checkChatId } from './linq/chat-id.ts';
import type { FieldName } from './linq/request.ts';
import { checkApiKey, checkBaseUrl } from './linq/settings-rules.ts';

/** What the form holds when the operator sends a request. */
export interface FormSnapshot {
  chatId: string;
  /** undefined while the stored key is not in yet: the worker, which reads the key itself, checks it then. */
  apiKey: string | undefined;
  baseUrlText: string;
  /** Whether the extension may reach the base URL's host. */
  hasHostAccess: boolean;
}

export type FormProblems = Partial<Record<FieldName, string>>;

/**
 * The checks a view runs before sending, so bad input gets its message beside the field and nothing is sent.
 * The worker runs the same rules again on what it receives.
 */
export function checkForm(form: FormSnapshot): { ok: boolean; problems: FormProblems } {
  const problems: FormProblems = {};
  const chat = checkChatId(form.chatId);
  if (!chat.ok) problems.chatId = chat.reason;
  const key = form.apiKey === undefined ? undefined : checkApiKey(form.apiKey);
  if (key && !key.ok) problems.apiKey = key.reason;
  const base = checkBaseUrl(form.baseUrlText);
  if (!base.ok) problems.baseUrl = base.reason;
  else if (!form.hasHostAccess) {
    problems.baseUrl = `The extension has no access to ${new URL(base.value).host}. Use "Grant access" first.`;
  }
  return { ok: Object.keys(problems).length === 0, problems };
}
