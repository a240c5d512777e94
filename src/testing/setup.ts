import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Test files share one jsdom per worker (vitest.config.ts): each file starts with empty storage.
localStorage.clear();
sessionStorage.clear();

// findBy*/waitFor wait on what the page shows; their 1 s default is a speed assumption that a busy
// 2-core machine breaks. Waiting longer never makes a wrong result pass.
configure({ asyncUtilTimeout: 5_000 });

// Mantine reads these browser APIs, which jsdom lacks.
window.HTMLElement.prototype.scrollIntoView = () => undefined;
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {
    // nothing to observe in jsdom
  }
  unobserve() {
    // idem
  }
  disconnect() {
    // idem
  }
}
window.ResizeObserver = ResizeObserverStub;
