// The main window's boot script, kept tiny on purpose: index.html paints a static shell (plain HTML
// and CSS), and this module listens for the services port and sends the start-up questions while the
// app script (React, antd, the pages: build/main-window-scripts.ts) still loads. That script runs
// after this one, in document order, and takes this module's instances of the modules both use.
import './api/port.ts'; // listen for the services port before anything asks for it
import './app/global.css';
import 'virtual:wld-boot-modules';
import { warmStart } from './app/warm-start.ts';
import { sayAppFailed } from './app/app-failed.ts';

warmStart(location.hash);

// The shell says so when the app script cannot be loaded or fails before it has rendered.
const appScript = document.querySelector<HTMLScriptElement>('script[data-wld-app]');
appScript?.addEventListener('error', () => sayAppFailed(appScript.src));
window.addEventListener('error', (event) => {
  if (appScript && event.filename === appScript.src) sayAppFailed(event.error);
});
