// The launcher can ask the main window to open on a given page (e.g. Settings after "Connect my corp").
// Both windows share the app:// origin, so localStorage carries the wish across.
const KEY = 'wld.openAfterStart';

export function requestStartRoute(path: string): void {
  try {
    localStorage.setItem(KEY, path);
  } catch {
    // storage unavailable: the main window simply opens on Home
  }
}

/** Returns the requested route once, then forgets it. */
export function takeStartRoute(): string | null {
  try {
    const path = localStorage.getItem(KEY);
    localStorage.removeItem(KEY);
    return path && path.startsWith('/') ? path : null;
  } catch {
    return null;
  }
}
