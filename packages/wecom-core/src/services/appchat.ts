// App group chats (应用群聊): create, update, read, send. Self-built apps visible to the root department only.
import type { ApiCaller } from '../http/types.ts';
import {
  appchatCreateResponseSchema,
  appchatGetResponseSchema,
  type AppchatInfo,
} from '../models/appchat.ts';
import { okResponseSchema } from '../models/common.ts';
import type { AppchatMessageContent } from '../models/message.ts';
import {
  validateAppchatCreate,
  validateAppchatSend,
  validateAppchatUpdate,
  type AppchatCreateRequest,
  type AppchatUpdateRequest,
} from '../validation/appchat.ts';
import { inputError } from '../validation/fail.ts';
import { checkChatid } from '../validation/ids.ts';
import { requestOptions, type CallOptions, type ReadOptions, type ServiceContext } from './options.ts';

export type { AppchatCreateRequest, AppchatUpdateRequest } from '../validation/appchat.ts';

export class AppchatService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;

  constructor(caller: ApiCaller, context: ServiceContext = {}) {
    this.#caller = caller;
    this.#context = context;
  }

  /** Creates a chat; returns its chatid. 1000 chats a day per corp. */
  async create(request: AppchatCreateRequest, options?: CallOptions): Promise<string> {
    validateAppchatCreate(request, this.#caller.language);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/appchat/create',
      body: request,
      schema: appchatCreateResponseSchema,
    });
    return answer.chatid;
  }

  async update(request: AppchatUpdateRequest, options?: CallOptions): Promise<void> {
    validateAppchatUpdate(request, this.#caller.language);
    await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/appchat/update',
      body: request,
      schema: okResponseSchema,
    });
  }

  /** Not cached: membership changes through update. */
  async get(chatid: string, options?: ReadOptions): Promise<AppchatInfo> {
    const problem = checkChatid('chatid', chatid);
    if (problem) throw inputError(problem, this.#caller.language);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'GET',
      path: '/cgi-bin/appchat/get',
      query: { chatid },
      schema: appchatGetResponseSchema,
    });
    return answer.chat_info;
  }

  async send(
    chatid: string,
    content: AppchatMessageContent,
    options: CallOptions & { safe?: 0 | 1 } = {},
  ): Promise<void> {
    validateAppchatSend(chatid, content, this.#caller.language);
    const { safe, ...callOptions } = options;
    await this.#caller.call({
      ...requestOptions(this.#context, callOptions),
      method: 'POST',
      path: '/cgi-bin/appchat/send',
      body: safe === undefined ? { chatid, ...content } : { chatid, ...content, safe },
      schema: okResponseSchema,
    });
  }
}
