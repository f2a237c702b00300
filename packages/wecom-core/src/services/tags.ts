// Tags: list and members (cached reads).
import type { ApiCaller } from '../http/types.ts';
import { tagGetResponseSchema, tagListResponseSchema, type Tag, type TagDetail } from '../models/tag.ts';
import { inputError } from '../validation/fail.ts';
import { checkPositiveId } from '../validation/ids.ts';
import { requestOptions, type ReadOptions, type ServiceContext } from './options.ts';

export class TagsService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;

  constructor(caller: ApiCaller, context: ServiceContext = {}) {
    this.#caller = caller;
    this.#context = context;
  }

  async list(options?: ReadOptions): Promise<Tag[]> {
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options, true),
      method: 'GET',
      path: '/cgi-bin/tag/list',
      schema: tagListResponseSchema,
    });
    return answer.taglist;
  }

  /** Name, member users and member departments; members outside the app's visibility are left out by WeCom. */
  async get(tagid: number, options?: ReadOptions): Promise<Omit<TagDetail, 'errcode' | 'errmsg'>> {
    const problem = checkPositiveId('tagid', tagid);
    if (problem) throw inputError(problem, this.#caller.language);
    const {
      errcode: _errcode,
      errmsg: _errmsg,
      ...detail
    } = await this.#caller.call({
      ...requestOptions(this.#context, options, true),
      method: 'GET',
      path: '/cgi-bin/tag/get',
      query: { tagid },
      schema: tagGetResponseSchema,
    });
    return detail;
  }
}
