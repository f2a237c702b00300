// Renders the main window's app into #root, replacing the static shell index.html painted.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n/index.ts';
import { App } from './App.tsx';
import { mark } from '../perf/timeline.ts';

mark('wld:boot:app-module'); // React, antd, i18n and the shell have loaded and run

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
