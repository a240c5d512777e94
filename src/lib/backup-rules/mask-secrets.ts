/**
 * Hides `access_key=` values of object-storage URIs wherever such a URI is displayed: the form's
 * preview, the review JSON and SDK snippet, current values, and task logs that quote a URI.
 */
export const SECRET_MASK = '******';

export function maskSecrets(text: string): string {
  // Up to the next parameter, the end of a JSON string (an unescaped quote) or the end of the line:
  // a key with a space in it must not leak its second half.
  return text.replace(/(access_key=)(?:\\.|[^&"\\\n])*/gi, `$1${SECRET_MASK}`);
}
