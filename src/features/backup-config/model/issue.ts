/**
 * Validation messages travel through react-hook-form as a key plus parameters, not as text, so
 * they are translated when shown and follow a language switch without re-validating.
 */
export type IssueKey =
  | `duration.${string}`
  | 'int-format'
  | 'int-range'
  | 'uri.required-by'
  | 'uri.archive-required-by'
  | 'uri.path-required'
  | 'uri.leading-slash'
  | 'uri.param-required'
  | 'uri.query-char'
  | 'uri.file-absolute'
  | 'uri.file-query'
  | 'uri.bucket-key'
  | 'uri.cos-appid'
  | 'uri.dropped-params'
  | 'uri.params-in-path'
  | `unsafe.${string}`
  | 'recovery.required'
  | `server.${string}`
  | 'server';

export type IssueParams = Record<string, string>;

export function encodeIssue(key: IssueKey, params?: IssueParams): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function decodeIssue(message: string): { key: string; params: IssueParams } {
  const bar = message.indexOf('|');
  if (bar < 0) return { key: message, params: {} };
  try {
    return {
      key: message.slice(0, bar),
      params: JSON.parse(message.slice(bar + 1)) as IssueParams,
    };
  } catch {
    return { key: message, params: {} };
  }
}
