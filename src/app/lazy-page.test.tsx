import { render, screen } from '@testing-library/react';
import { Component, Suspense, type ComponentType, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadableChunk } from '../lib/chunk-load';
import { lazyPage } from './lazy-page';

const module = { Page: () => <p>the page</p> };

class Catch extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    const { error } = this.state as { error: Error | null };
    return error ? <p>{error.name}</p> : this.props.children;
  }
}

function open(Page: ComponentType) {
  render(
    <Catch>
      <Suspense fallback={<p>loading</p>}>
        <Page />
      </Suspense>
    </Catch>,
  );
}

describe('lazyPage', () => {
  it('renders a preloaded chunk in its first render, without the Suspense fallback', async () => {
    const chunk = preloadableChunk(() => Promise.resolve(module));
    await chunk.load();
    const Page = lazyPage(chunk, (m) => m.Page);
    open(Page);
    // Synchronously there: no fallback was ever shown (React.lazy alone shows it once).
    expect(screen.getByText('the page')).toBeInTheDocument();
    expect(screen.queryByText('loading')).not.toBeInTheDocument();
  });

  it('suspends on a chunk not yet in, then renders it; the chunk is fetched once', async () => {
    let calls = 0;
    let resolve: (m: typeof module) => void = () => undefined;
    const Page = lazyPage(
      () => {
        calls += 1;
        return new Promise<typeof module>((r) => (resolve = r));
      },
      (m) => m.Page,
    );
    open(Page);
    expect(screen.getByText('loading')).toBeInTheDocument();
    resolve(module);
    expect(await screen.findByText('the page')).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it('a chunk that cannot load reaches the error boundary as a ChunkLoadError', async () => {
    const Page = lazyPage(
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      (m: typeof module) => m.Page,
    );
    open(Page);
    expect(await screen.findByText('ChunkLoadError')).toBeInTheDocument();
  });

  it('a preload that failed is fetched again when the page renders', async () => {
    let calls = 0;
    const chunk = preloadableChunk(() => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(module);
    });
    await expect(chunk.load()).rejects.toThrow('could not be loaded');
    open(lazyPage(chunk, (m) => m.Page));
    expect(await screen.findByText('the page')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
