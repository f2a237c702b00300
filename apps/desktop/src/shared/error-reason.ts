// The text of anything thrown, for logs and a failure's details: an Error's message, else the value
// itself as a string (a rejected promise may carry anything).
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
