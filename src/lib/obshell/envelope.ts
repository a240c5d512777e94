import type * as core from 'zod/v4/core';
import { z } from '../zod-mini';

/** The `error` part of obshell's envelope: `errCode` since 4.3.1, only the integer `code` before. */
export const apiErrorSchema = z.looseObject({
  code: z.optional(z.number().check(z.int())),
  errCode: z.optional(z.string()),
  message: z._default(z.string(), ''),
  subErrors: z.nullish(z.array(z.unknown())),
});

export const envelopeSchema = z.looseObject({
  successful: z.boolean(),
  timestamp: z.optional(z.string()),
  duration: z.optional(z.number()),
  status: z.number().check(z.int()),
  traceId: z.optional(z.string()),
  data: z.optional(z.unknown()),
  error: z.nullish(apiErrorSchema),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/**
 * Where a failure came from: obshell itself, the network, a response we could not read, or the
 * dashboard being locked (no password in memory, so nothing was sent).
 */
export type ObshellErrorKind = 'server' | 'network' | 'timeout' | 'bad-response' | 'locked';

export interface ObshellErrorInit {
  kind: ObshellErrorKind;
  status: number;
  message: string;
  errCode?: string | undefined;
  code?: number | undefined;
  traceId?: string | undefined;
  subErrors?: unknown[] | undefined;
}

/**
 * Every failure of an obshell call. Carries what obshell said (never the request, so it can be
 * shown or reported without leaking a password).
 */
export class ObshellError extends Error {
  readonly kind: ObshellErrorKind;
  readonly status: number;
  readonly errCode: string | undefined;
  readonly code: number | undefined;
  readonly traceId: string | undefined;
  readonly subErrors: unknown[];

  constructor(init: ObshellErrorInit) {
    super(init.message);
    this.name = 'ObshellError';
    this.kind = init.kind;
    this.status = init.status;
    this.errCode = init.errCode;
    this.code = init.code;
    this.traceId = init.traceId;
    this.subErrors = init.subErrors ?? [];
  }

  get isUnauthorized(): boolean {
    return this.status === 401 || this.code === 10008;
  }
}

/**
 * The production server answers in obshell's envelope when obshell itself did not answer
 * (server/proxy-errors.ts): those are network failures and timeouts, not obshell refusing.
 */
const PROXY_ERROR_KINDS: Readonly<Record<string, ObshellErrorKind>> = {
  'Proxy.Unreachable': 'network',
  'Proxy.Timeout': 'timeout',
};

export function isObshellError(error: unknown): error is ObshellError {
  return error instanceof ObshellError;
}

/**
 * Turns a parsed envelope into its data (checked by `dataSchema`) or an ObshellError. Any zod
 * schema will do (`zod` or `zod/mini`): it is checked with the functional `safeParse`.
 */
export function unwrapEnvelope<T extends core.$ZodType>(
  httpStatus: number,
  body: unknown,
  dataSchema: T,
): core.output<T> {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) {
    throw new ObshellError({
      kind: 'bad-response',
      status: httpStatus,
      message: `Unexpected response from obshell (HTTP ${httpStatus}): not an obshell envelope`,
    });
  }
  const envelope = parsed.data;
  if (!envelope.successful || envelope.error) {
    const errCode = envelope.error?.errCode;
    throw new ObshellError({
      kind: (errCode ? PROXY_ERROR_KINDS[errCode] : undefined) ?? 'server',
      // obshell sends status 0 when it has none: fall back to the HTTP status then.
      status: envelope.status || httpStatus,
      message: envelope.error?.message || `obshell answered HTTP ${httpStatus}`,
      errCode,
      code: envelope.error?.code,
      traceId: envelope.traceId,
      subErrors: envelope.error?.subErrors ?? [],
    });
  }
  const data = z.safeParse(dataSchema, envelope.data);
  if (!data.success) {
    const where = data.error.issues[0]?.path.join('.') || 'data';
    throw new ObshellError({
      kind: 'bad-response',
      status: httpStatus,
      message: `Unexpected response from obshell: field "${where}" ${data.error.issues[0]?.message ?? 'is invalid'}`,
      traceId: envelope.traceId,
    });
  }
  return data.data;
}
