// The pages script's entry (build/main-window-scripts.ts): hands the pages to the boot script's
// instance of pages-script-loader.ts. Each page stays behind its dynamic import, which the
// single-file build turns into a function that runs when the page is first asked for: nothing of
// the app script is read before then, so this script may run before or after it.
import { loadPageModule } from './page-modules.ts';
import { pagesArrived } from './pages-script-loader.ts';

pagesArrived(loadPageModule);
