// A new live that repeats an existing one (same anchor and theme, starting within an hour) is asked
// about before it is created.
import type { MethodInput } from '../../../shared/contract.ts';
import type { Live } from '../../../shared/models.ts';
import type { ServiceFetch } from '../../hooks/useServiceQuery.ts';

const DUPLICATE_WINDOW_S = 3600;


/** True when `live` looks like the one about to be created. */
export function isDuplicateOf(input: MethodInput<'lives.create'>, live: Live): boolean {
  return (
    live.status !== 4 &&
    live.anchorUserid.toLowerCase() === input.anchorUserid.toLowerCase() &&
    live.theme.trim() === input.theme.trim() &&
    Math.abs(live.livingStart - input.livingStart) <= DUPLICATE_WINDOW_S
  );
}

/** An existing live (from the cache) that the new one would repeat, if any. */
export async function findDuplicate(input: MethodInput<'lives.create'>, read: ServiceFetch): Promise<Live | null> {
  const { lives } = await read('lives.list', {
    from: input.livingStart - DUPLICATE_WINDOW_S,
    to: input.livingStart + DUPLICATE_WINDOW_S,
    status: [],
    anchorUserid: input.anchorUserid,
    type: null,
    query: '',
  });
  return lives.find((live) => isDuplicateOf(input, live)) ?? null;
}
