import { describe, expect, it } from 'vitest';
import { initialFiles, type Manifest } from './bundle';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    isEntry: true,
    imports: ['_lib-b.js'],
    dynamicImports: ['src/page.tsx'],
    css: ['assets/index-a.css'],
  },
  '_lib-b.js': { file: 'assets/lib-b.js', imports: ['_runtime-c.js'] },
  '_runtime-c.js': { file: 'assets/runtime-c.js', imports: ['_lib-b.js'] },
  'src/page.tsx': { file: 'assets/page-d.js', imports: ['_lib-b.js'], css: ['assets/page-d.css'] },
};

describe('initialFiles', () => {
  it('follows static imports transitively and leaves lazy chunks out', () => {
    expect(initialFiles(manifest)).toEqual({
      js: ['assets/index-a.js', 'assets/lib-b.js', 'assets/runtime-c.js'],
      css: ['assets/index-a.css'],
    });
  });

  it('refuses a manifest without an entry', () => {
    expect(() => initialFiles({ a: { file: 'a.js' } })).toThrow(/no entry/);
  });
});
