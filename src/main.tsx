import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { CrashBoundary } from './app/crash-boundary';
import { markChunkLoadFailure } from './lib/chunk-load';

// A production build reports a lazy chunk it could not load here before the import rejects:
// remember that error as a chunk-load failure (not obshell's), and let the rejection go on to the
// boundary or alert that explains it. No automatic reload: it would wipe what the user typed.
window.addEventListener('vite:preloadError', (event) => {
  if ('payload' in event) markChunkLoadFailure(event.payload);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <CrashBoundary>
      <App />
    </CrashBoundary>
  </StrictMode>,
);
