import { SECRET_MASK } from '../../src/lib/backup-rules/mask-secrets.ts';
import type { Change, ChangeValue } from './entry-schema.ts';

/**
 * Secrets never reach the history database: masking happens in the store, before any write, with
 * the marker the dashboard shows on screen (a pure shared constant from src/lib). Stricter than the
 * screen mask: any password-like query parameter, user:password@ in a URI, and whole values of
 * password-like fields.
 */
export { SECRET_MASK };

const SECRET_WORDS =
  'access_key|secret[a-z_]*|[a-z_]*password|passwd|pwd|[a-z_]*token|sk|credential[a-z_]*|signature|auth[a-z_]*';

/** `name=value` up to the next `&`, `#` or the end: a value with spaces or quotes is masked whole. */
const secretParam = new RegExp(`(^|[?&;\\s,"'])(${SECRET_WORDS})=[^&#]*`, 'gi');
/** `scheme://user:password@host`: the password part. */
const userInfo = /(\b[a-z][a-z0-9+.-]*:\/\/[^/?#@:\s]*:)[^/?#@\s]*@/gi;
const secretField = new RegExp(`(?:^|[._])(?:${SECRET_WORDS})$`, 'i');

export function maskSecretText(text: string): string {
  return text
    .replace(secretParam, (_match, lead: string, name: string) => `${lead}${name}=${SECRET_MASK}`)
    .replace(userInfo, `$1${SECRET_MASK}@`);
}

function maskValue(field: string, value: ChangeValue): ChangeValue {
  if (value === null || value === '') return value;
  if (secretField.test(field)) return SECRET_MASK;
  return typeof value === 'string' ? maskSecretText(value) : value;
}

export function maskChanges(changes: readonly Change[]): Change[] {
  return changes.map((change) => ({
    field: change.field,
    old: maskValue(change.field, change.old),
    new: maskValue(change.field, change.new),
  }));
}
