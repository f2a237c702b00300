// The app script's entry (build/main-window-scripts.ts). The app's modules sit behind this one
// dynamic import, which the single-file build turns into a function per module: V8 compiles each
// module's code when it runs. Imported statically, they would be one function body of megabytes,
// compiled whole on the main thread at a first start (about 200 ms more on a 2-core machine).
import { sayAppFailed } from './app-failed.ts';

import('./mount.tsx').catch(sayAppFailed);
