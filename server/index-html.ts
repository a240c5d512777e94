import type { RuntimeConfig } from '../src/lib/runtime-config.ts';
import { RUNTIME_CONFIG_META } from '../src/lib/runtime-config.ts';

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The built index.html with what one build needs to run under any base path: `<base href>` (the
 * build's asset URLs are relative) and the runtime config as a meta tag (no inline script: CSP).
 */
export function renderIndexHtml(template: string, config: RuntimeConfig): string {
  // After <meta charset> when there is one: it must stay within the first 1024 bytes.
  const anchor = /<meta\s+charset[^>]*>/i.exec(template) ?? /<head[^>]*>/i.exec(template);
  if (!anchor) throw new Error('index.html has no <head>');
  const headEnd = anchor.index + anchor[0].length;
  const injected =
    `\n    <base href="${escapeAttribute(config.basePath)}" />` +
    `\n    <meta name="${RUNTIME_CONFIG_META}" content="${escapeAttribute(JSON.stringify(config))}" />`;
  return template.slice(0, headEnd) + injected + template.slice(headEnd);
}
