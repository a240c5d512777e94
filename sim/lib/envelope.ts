import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { formatTime } from './dag-model';
import type { Locale, SimError } from './errors';
import type { ErrorStyle } from './options';

/** obshell's response envelope (contract §1). HTTP status always equals `status`. */
export interface ReplyContext {
  startedAt: number;
  now: number;
  locale: Locale;
  style: ErrorStyle;
  traceId: string;
}

export function newTraceId(): string {
  return randomBytes(8).toString('hex');
}

/** One BCP 47 tag (language, then subtags); what golang.org/x/text/language.Parse accepts here. */
const ONE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/**
 * Accept-Language → en | zh. obshell calls language.Parse on the whole header: only a single tag
 * parses, so a browser-style list ("zh-CN,zh;q=0.9") stays English (contract §1).
 */
export function pickLocale(header: string | undefined): Locale {
  const value = (header ?? '').trim();
  if (!ONE_TAG.test(value)) return 'en';
  return value.toLowerCase().split('-')[0] === 'zh' ? 'zh' : 'en';
}

function base(ctx: ReplyContext, status: number) {
  return {
    successful: status < 400,
    timestamp: formatTime(ctx.now),
    duration: Math.max(0, Math.round(Date.now() - ctx.startedAt)),
    status,
    traceId: ctx.traceId,
  };
}

export function successBody(ctx: ReplyContext, data: unknown): string {
  const envelope: Record<string, unknown> = base(ctx, 200);
  if (data !== undefined && data !== null) envelope.data = data;
  return JSON.stringify(envelope);
}

export function errorBody(ctx: ReplyContext, error: SimError): string {
  const envelope: Record<string, unknown> = base(ctx, error.status);
  envelope.error =
    ctx.style === 'legacy'
      ? { code: error.legacy, message: error.legacyMessage(), subErrors: [] }
      : {
          // Current obshell still fills the old integer on auth failures only: 10008, or 1 for
          // Header.DecryptFailed (contract §1).
          ...(error.status === 401 ? { code: error.legacy } : {}),
          errCode: error.errCode,
          message: error.localized(ctx.locale),
          subErrors: [],
        };
  return JSON.stringify(envelope);
}

export function sendJson(res: ServerResponse, status: number, body: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
