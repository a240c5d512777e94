import { ObshellError } from './envelope';
import type { Credentials } from './client';

/**
 * Why obshell answered 401:
 * - `key`: it could not decrypt the header (its key changed: agent restarted);
 * - `expired`: `ts` lies before its clock (our skew estimate is off);
 * - `password`: root@sys or agent password wrong (changed since unlock, or mistyped);
 * - `request`: a header we built is wrong (uri mismatch) — a bug, not worth a retry;
 * - `unknown`: obshell < 4.3.1 sends only the integer code 10008, without a reason.
 */
export type UnauthorizedReason = 'key' | 'expired' | 'password' | 'request' | 'unknown';

export function classifyUnauthorized(error: ObshellError): UnauthorizedReason {
  const errCode = error.errCode ?? '';
  if (errCode) {
    if (/DecryptFailed|Decrypt/i.test(errCode)) return 'key';
    if (/Expired/i.test(errCode)) return 'expired';
    if (/Password/i.test(errCode)) return 'password';
    if (/UriMismatch|Header/i.test(errCode)) return 'request';
  }
  if (error.code === 1) return 'key';
  const message = error.message;
  if (/decrypt/i.test(message)) return 'key';
  if (/expired/i.test(message)) return 'expired';
  if (/password|密码/i.test(message)) return 'password';
  return 'unknown';
}

/** True when obshell refused the password itself (as opposed to our key or clock). */
export function isWrongPassword(error: unknown): boolean {
  return (
    error instanceof ObshellError &&
    error.kind === 'server' &&
    error.isUnauthorized &&
    classifyUnauthorized(error) !== 'request'
  );
}

function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/**
 * Defence in depth: obshell should never echo a password, but if an error text ever contains
 * one it is masked before the error can reach the screen, the console or a bug report.
 */
export function redactSecrets(error: unknown, credentials: Credentials): unknown {
  // Very short passwords would mask ordinary words; below 4 characters they cannot be told apart.
  const secrets = [credentials.rootPassword].filter((secret) => secret.length >= 4);
  if (secrets.length === 0) return error;
  if (error instanceof ObshellError) {
    if (!secrets.some((secret) => error.message.includes(secret))) return error;
    return new ObshellError({
      kind: error.kind,
      status: error.status,
      message: scrub(error.message, secrets),
      errCode: error.errCode,
      code: error.code,
      traceId: error.traceId,
      subErrors: JSON.parse(scrub(JSON.stringify(error.subErrors), secrets)) as unknown[],
    });
  }
  if (error instanceof Error && secrets.some((secret) => error.message.includes(secret))) {
    return new Error(scrub(error.message, secrets));
  }
  return error;
}

/**
 * Which password obshell refused, for a precise message on the unlock form; null when the error
 * is not a password refusal at all (network, 5xx, bad input...).
 */
export function refusedPassword(error: unknown): 'root' | 'agent' | 'either' | null {
  if (!isWrongPassword(error) || !(error instanceof ObshellError)) return null;
  const text = `${error.errCode ?? ''} ${error.message}`;
  if (/AgentPassword|agent password|agent 密码/i.test(text)) return 'agent';
  if (/OceanbasePassword|root@sys|root password/i.test(text)) return 'root';
  return 'either';
}
