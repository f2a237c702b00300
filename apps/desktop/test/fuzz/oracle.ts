// What no accepted input may contain, written independently of the contract's schemas: the fuzz
// tests call a method, and when it was accepted (not refused as invalid) the input must pass here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ONE_LINE = new Set(['theme', 'name', 'filename', 'secret']);
const MULTI_LINE = new Set(['description', 'message']);
const IDS = new Set(['userid', 'anchorUserid', 'owner', 'livingid', 'chatid', 'msgid', 'jobId', 'corpId']);
const ID_LISTS = new Set(['userids', 'userlist', 'addUsers', 'removeUsers']);
/** Parts of keychain accounts and settings keys: never a path. */
const KEY_PARTS = new Set(['profileId', 'app', 'id', 'activeProfileId']);
const URLS = new Set(['baseUrl', 'proxyUrl', 'url']);

function idProblem(value: string): string | null {
  if (value.length === 0 || value.length > 256) return 'an id of 0 or more than 256 characters';
  if (CONTROL.test(value) || LONE_SURROGATE.test(value) || /\s/.test(value)) return 'an id with controls, spaces or lone surrogates';
  return null;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The problems of an accepted input; empty when it is fine. */
export function problemsOf(input: unknown, path = 'input'): string[] {
  if (Array.isArray(input)) return input.flatMap((item, i) => problemsOf(item, `${path}[${i}]`));
  if (!input || typeof input !== 'object' || input instanceof Uint8Array) return [];
  const problems: string[] = [];
  const object = input as Record<string, unknown>;
  if (typeof object.from === 'number' && typeof object.to === 'number' && object.to < object.from)
    problems.push(`${path}: a range with to < from`);
  for (const [key, value] of Object.entries(object)) {
    const at = `${path}.${key}`;
    if (typeof value === 'string') {
      if (ONE_LINE.has(key) && (CONTROL.test(value) || LONE_SURROGATE.test(value))) problems.push(`${at}: control character or lone surrogate`);
      if (MULTI_LINE.has(key) && (CONTROL_BUT_NEWLINE.test(value) || LONE_SURROGATE.test(value))) problems.push(`${at}: control character or lone surrogate`);
      if (key === 'theme' && (value.trim().length > 20 || bytes(value.trim()) > 60)) problems.push(`${at}: a theme over 20 characters or 60 bytes`);
      if (key === 'description' && (value.length > 100 || bytes(value) > 300)) problems.push(`${at}: a description over 100 characters or 300 bytes`);
      if (IDS.has(key)) {
        const problem = idProblem(value);
        if (problem) problems.push(`${at}: ${problem}`);
      }
      if (KEY_PARTS.has(key)) {
        const problem = idProblem(value) ?? (/[/\\:]|\.\./.test(value) ? 'a path-like keychain or settings key' : null);
        if (problem) problems.push(`${at}: ${problem}`);
      }
      if (URLS.has(key) && value !== '' && !/^https?:\/\/[^\s]+$/i.test(value)) problems.push(`${at}: not an http(s) URL`);
      if (key === 'contentType' && !/^[^\s/;]+\/[^\s/;]+$/.test(value)) problems.push(`${at}: not a MIME type`);
    }
    if (ID_LISTS.has(key) && Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const problem = typeof item === 'string' ? idProblem(item) : 'not a string';
        if (problem) problems.push(`${at}[${i}]: ${problem}`);
      }
    }
    if (key === 'gatewayHeaders' && value && typeof value === 'object') {
      for (const [name, headerValue] of Object.entries(value)) {
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) problems.push(`${at}: header name ${JSON.stringify(name.slice(0, 20))}`);
        // eslint-disable-next-line no-control-regex
        if (typeof headerValue === 'string' && /[\r\n\u0000]/.test(headerValue)) problems.push(`${at}.${name.slice(0, 20)}: CR, LF or NUL in a header value`);
      }
    }
    problems.push(...problemsOf(value, at));
  }
  return problems;
}

/** A refusal a person can read: a sentence, not a serialized error. */
export function isReadableSentence(message: string): boolean {
  return message.length > 0 && message.length < 2000 && !/^\s*[[{]/.test(message) && !/"(code|path|expected|origin)"\s*:/.test(message) && !/ZodError/.test(message);
}
