import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app';

// zod compiles object parsers with `new Function` unless told not to; the production CSP forbids
// eval (script-src 'self'), and even zod's feature probe would log a CSP violation.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
