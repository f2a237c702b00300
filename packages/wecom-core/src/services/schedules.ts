// Schedules in members' WeCom calendars (日程): add, update, read, cancel. The calling app becomes
// the schedule's creator; only it may change or cancel the schedule (90466 otherwise).
import type { ApiCaller } from '../http/types.ts';
import { okResponseSchema } from '../models/common.ts';
import {
  scheduleAddResponseSchema,
  scheduleGetResponseSchema,
  type Schedule,
  type ScheduleFields,
} from '../models/schedule.ts';
import { validateScheduleAdd, validateScheduleIds, validateScheduleUpdate } from '../validation/schedule.ts';
import { requestOptions, type CallOptions, type ReadOptions, type ServiceContext } from './options.ts';

export class SchedulesService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;

  constructor(caller: ApiCaller, context: ServiceContext = {}) {
    this.#caller = caller;
    this.#context = context;
  }

  /** Adds a schedule (in the app's default calendar unless cal_id is given); returns its schedule_id. */
  async add(schedule: ScheduleFields, options?: CallOptions): Promise<string> {
    validateScheduleAdd(schedule, this.#caller.language);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/oa/schedule/add',
      body: { schedule },
      schema: scheduleAddResponseSchema,
    });
    return answer.schedule_id;
  }

  /**
   * Overwrites a schedule (every field; start_time and end_time required). `skipAttendees` keeps the
   * attendee list as it is. Returns the schedule_id WeCom answers with.
   */
  async update(
    scheduleId: string,
    schedule: Omit<ScheduleFields, 'cal_id'>,
    options: CallOptions & { skipAttendees?: boolean } = {},
  ): Promise<string> {
    validateScheduleUpdate(scheduleId, schedule, this.#caller.language);
    const { skipAttendees, ...callOptions } = options;
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, callOptions),
      method: 'POST',
      path: '/cgi-bin/oa/schedule/update',
      body: {
        ...(skipAttendees === undefined ? {} : { skip_attendees: skipAttendees ? 1 : 0 }),
        schedule: { ...schedule, schedule_id: scheduleId },
      },
      schema: scheduleAddResponseSchema.partial({ schedule_id: true }),
    });
    return answer.schedule_id ?? scheduleId;
  }

  /** Reads schedules by id (≤1000); cancelled ones come back with status 1. Not cached. */
  async get(scheduleIds: readonly string[], options?: ReadOptions): Promise<Schedule[]> {
    validateScheduleIds(scheduleIds, this.#caller.language);
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/oa/schedule/get',
      body: { schedule_id_list: scheduleIds },
      schema: scheduleGetResponseSchema,
    });
    return answer.schedule_list;
  }

  /** Cancels a schedule; WeCom tells its attendees. */
  async cancel(scheduleId: string, options?: CallOptions): Promise<void> {
    validateScheduleIds([scheduleId], this.#caller.language);
    await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/oa/schedule/del',
      body: { schedule_id: scheduleId },
      schema: okResponseSchema,
    });
  }
}
