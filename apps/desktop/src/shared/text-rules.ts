// Text and identifier rules shared by the contract and the settings: what a name, a theme or an id may
// contain. Control characters and lone surrogates never reach WeCom, the keychain or the cache.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);
/** The one UTF-8 byte counter. */
export { utf8Bytes } from '@wld/wecom-core/rules';

/** One line of text (a name, a theme): no control characters, no lone surrogates. */
export const singleLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !CONTROL.test(text), 'control characters (line breaks, tabs, NUL…) are not allowed')
    .refine((text) => !LONE_SURROGATE.test(text), 'the text is not valid Unicode (a lone surrogate)');

/** Text that may run over several lines (a description): line breaks allowed, other controls not. */
export const multiLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !CONTROL_BUT_NEWLINE.test(text), 'control characters other than line breaks are not allowed')
    .refine((text) => !LONE_SURROGATE.test(text), 'the text is not valid Unicode (a lone surrogate)');

/** A WeCom userid: 1–64 of letters, digits and _ . @ - */
export const USERID_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;
export const useridSchema = z.string().regex(USERID_PATTERN, 'a WeCom userid: 1–64 of A-Z, a-z, 0-9, _ . @ -');

/** A profile id: also the first part of a keychain account, so never a / or anything odd. */
export const PROFILE_ID_PATTERN = /^[a-z0-9-]{1,40}$/;
export const profileIdSchema = z.string().regex(PROFILE_ID_PATTERN, 'profile id: 1–40 of a-z, 0-9, -');

/** A WeCom corp ID: letters and digits. */
export const corpIdSchema = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'corpId: 1–64 letters and digits');

/** A MIME type as RFC 6838 names them (type/subtype), without parameters. */
export const mimeTypeSchema = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/, 'a MIME type such as image/png');

/** An identifier WeCom hands out (livingid, msgid, jobId…): printable ASCII without spaces. */
export const opaqueId = (max: number) => z.string().regex(new RegExp(`^[\\x21-\\x7e]{1,${max}}$`), `an identifier of 1–${max} printable characters`);

/** An http(s) URL (a base URL, a proxy): no other scheme, no credentials smuggled in line breaks. */
export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
  .max(2048)
  .refine((text) => !CONTROL.test(text), 'control characters are not allowed in a URL')
  // Chromium's URL parser lets a space in the host pass where Node's refuses it: one rule for both
  .refine((text) => !/\s/.test(text), 'a URL may not contain spaces');

/** An HTTP header name (RFC 9110 token) and value (visible characters and spaces, no CR/LF). */
export const headerNameSchema = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/, 'a header name: letters, digits and - (no spaces, colons or line breaks)');
export const headerValueSchema = z
  .string()
  .max(4096)
  .regex(/^[\t\x20-\x7e\xa0-\xff]*$/, 'a header value may not contain line breaks or control characters');
