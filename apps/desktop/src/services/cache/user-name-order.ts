// Which users column a name sort reads: the pinyin sort key (name-sort-key.ts), or the name itself
// while users stored before the key existed still lack one (until the next org sync rewrites them).
import type { CacheContext } from './context.ts';

export function userNameOrder(ctx: CacheContext): 'name_key' | 'name' {
  // NULL keys come first in users_name_key: one index step either way
  const pending = ctx.stmt('SELECT EXISTS (SELECT 1 FROM users WHERE name_key IS NULL)').pluck().get() === 1;
  return pending ? 'name' : 'name_key';
}
