import { z } from '../../lib/zod-mini';

/** What the portal can ask for in the iframe's URL: `?embed=1&theme=dark&locale=zh`. */
export interface EmbedParams {
  embed: boolean;
  theme?: 'light' | 'dark' | undefined;
  locale?: 'en' | 'zh' | undefined;
}

const themeSchema = z.enum(['light', 'dark']);
const localeSchema = z.enum(['en', 'zh']);
const STORAGE_KEY = 'obdash.embed';

function truthy(value: string | null): boolean {
  return value !== null && value !== '0' && value !== 'false';
}

/**
 * Read once at start: in-app navigation drops the query string, and a reload inside the iframe
 * should stay embedded, so the embed flag is remembered for the tab (it is not a secret).
 */
export function readEmbedParams(search: string, storage?: Storage): EmbedParams {
  const params = new URLSearchParams(search);
  let embed = truthy(params.get('embed'));
  try {
    if (params.has('embed')) {
      if (embed) storage?.setItem(STORAGE_KEY, '1');
      else storage?.removeItem(STORAGE_KEY);
    } else {
      embed = storage?.getItem(STORAGE_KEY) === '1';
    }
  } catch {
    // Storage may be blocked in a sandboxed iframe: the URL alone decides.
  }
  return {
    embed,
    theme: themeSchema.safeParse(params.get('theme')).data,
    locale: localeSchema.safeParse(params.get('locale')).data,
  };
}

/** Messages the host may post to the app. Anything else, or from another origin, is ignored. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('obdash:set-theme'), theme: themeSchema }),
  z.object({ type: z.literal('obdash:set-locale'), locale: localeSchema }),
  z.object({ type: z.literal('obdash:hello') }),
]);

export type HostMessage = z.infer<typeof hostMessageSchema>;

/** sessionStorage, unless the browser blocks it (sandboxed or third-party iframe). */
export function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
