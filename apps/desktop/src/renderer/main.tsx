// Entry of the main window, kept tiny on purpose: index.html paints a static shell (plain HTML and
// CSS), and this chunk only starts listening for the services port and asks for the app. React,
// antd and the pages come in the chunks of that dynamic import, so they load, compile and run after
// the shell has painted instead of holding the first paint until all of them have run.
import './api/port.ts'; // listen for the services port before anything asks for it
import './app/global.css';

// The start-up questions go out while the app's code loads (see warm-start.ts).
import('./app/warm-start.ts').then(
  (warm) => warm.warmStart(location.hash),
  (error: unknown) => console.error('The warm start failed to load', error),
);
import('./app/mount.tsx').catch((error: unknown) => {
  console.error('The app failed to load', error);
  document.querySelector('.wld-boot-loading')?.replaceChildren('The app failed to load. 应用加载失败。');
});
