// The root of the one error family: every error class of the app and of wecom-core extends it and
// carries a stable machine code, which survives every boundary (services → renderer, main → preload
// → renderer) inside a plain ServiceError object. Imports nothing.
export class CodedError extends Error {
  override name = 'CodedError';
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
