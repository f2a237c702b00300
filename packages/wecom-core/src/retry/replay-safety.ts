// Whether a request may be sent again after an answer that leaves it unknown if WeCom acted on it
// (a reset after sending, a timeout, a 5xx, a garbled body). Reads may; writes such as message/send
// or living/create may not, or a message could go out twice.
import type { ApiRequest } from '../http/types.ts';

/** POST endpoints that only read. */
const READ_ONLY_POSTS = new Set([
  '/cgi-bin/user/list_id',
  '/cgi-bin/living/get_user_all_livingid',
  '/cgi-bin/living/get_watch_stat',
  '/cgi-bin/living/get_living_share_info',
  '/cgi-bin/living/get_living_code',
  '/cgi-bin/message/get_statistics',
  '/cgi-bin/oa/schedule/get',
]);

export function isReplaySafe(request: Pick<ApiRequest<unknown>, 'method' | 'path' | 'idempotent'>): boolean {
  if (request.idempotent !== undefined) return request.idempotent;
  return request.method === 'GET' || READ_ONLY_POSTS.has(request.path);
}
