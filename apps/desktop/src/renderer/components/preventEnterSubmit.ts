// Enter inside a form's field never submits the whole form (the browser's implicit submission):
// forms are sent with their button only. Pickers and selects still take Enter for themselves.
import type { KeyboardEvent } from 'react';

export function preventEnterSubmit(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter') return;
  if (event.target instanceof HTMLInputElement) event.preventDefault();
}
