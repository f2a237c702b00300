// Entry of the launcher window (kept small: React and plain CSS only).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/launcher/launcher.css';
import { Launcher } from './app/launcher/Launcher.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('launcher.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Launcher bridge={window.wld} />
  </StrictMode>,
);
