import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError } from '../lib/chunk-load';

// Outside every provider (Mantine, locale, router may be what failed): plain markup, both
// languages at once, no dependency that could fail in turn.
const TEXT = {
  chunk: {
    en: 'The dashboard was updated or could not load. Reload the page.',
    zh: '控制台已更新或未能加载，请重新加载页面。',
  },
  other: {
    en: 'The dashboard failed to start. Reload the page; if it fails again, report the text below.',
    zh: '控制台启动失败。请重新加载页面；如果再次失败，请报告下方文字。',
  },
  reload: { en: 'Reload', zh: '重新加载' },
};

interface State {
  error: unknown;
  failed: boolean;
}

/**
 * Last line of defence above the router's own boundaries: whatever fails while starting (a bad
 * runtime configuration, a provider), the user sees what happened and a Reload button instead of
 * a blank page.
 */
export class CrashBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo) {
    // React already reports the error to the console; nothing else to send anywhere.
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const { error } = this.state;
    const text = isChunkLoadError(error) ? TEXT.chunk : TEXT.other;
    const detail = !isChunkLoadError(error) && error instanceof Error ? error.message : undefined;
    return (
      <main
        role="alert"
        style={{ maxWidth: 560, margin: '10vh auto', padding: 16, font: '16px sans-serif' }}
      >
        <p lang="en">{text.en}</p>
        <p lang="zh-CN">{text.zh}</p>
        {detail && <pre style={{ whiteSpace: 'pre-wrap' }}>{detail}</pre>}
        <button type="button" onClick={() => window.location.reload()}>
          {TEXT.reload.en} / <span lang="zh-CN">{TEXT.reload.zh}</span>
        </button>
      </main>
    );
  }
}
