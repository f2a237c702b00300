// The start of the console line a page caught by its error boundary leaves (PageErrorBoundary.tsx):
// the browser tests count these lines as failures.
export const PAGE_FAILED = '[page failed]';
