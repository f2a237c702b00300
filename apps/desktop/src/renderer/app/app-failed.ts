// The static shell's loading line says so when the app's code could not be loaded or run.
export function sayAppFailed(error: unknown): void {
  console.error('The app failed to load', error);
  document.querySelector('.wld-boot-loading')?.replaceChildren('The app failed to load. 应用加载失败。');
}
