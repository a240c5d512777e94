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

/** Accept-Language → en | zh (first listed language wins; obshell has only these two). */
export function pickLocale(header: string | undefined): Locale {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh' : 'en';
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
          // obshell ≥ 4.3.1 still fills the old integer where one exists (auth failures).
          ...(error.status === 401 ? { code: 10008 } : {}),
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
