// createWeComClient: the pipeline plus one typed service per WeCom area, bound to the first app
// (and the contacts-sync secret where WeCom requires it).
import { parseConfig, type WeComConfig, type WeComConfigInput } from './config.ts';
import { createPipeline, type ApiPipeline, type PipelineOptions } from './http/pipeline.ts';
import type { ApiCaller } from './http/types.ts';
import type { RateLimiter } from './limit/rate-limiter.ts';
import type { CallListener, StatsSnapshot } from './stats/api-stats.ts';
import { AppchatService } from './services/appchat.ts';
import { AuthService } from './services/auth.ts';
import { DepartmentsService } from './services/departments.ts';
import { JsSdkService } from './services/jssdk.ts';
import { LivesService } from './services/lives.ts';
import { MediaService } from './services/media.ts';
import { MessagesService } from './services/messages.ts';
import { SchedulesService } from './services/schedules.ts';
import { TagsService } from './services/tags.ts';
import { UsersService } from './services/users.ts';

export interface WeComClientOptions extends PipelineOptions {
  /** Use this pipeline instead of creating one (e.g. shared by several clients); close() then leaves it open. */
  pipeline?: ApiPipeline;
}

/** The services that act as one app: messages carry its agentid, lives and chats belong to it. */
export interface AppServices {
  readonly name: string;
  readonly agentId: number;
  readonly lives: LivesService;
  readonly media: MediaService;
  readonly messages: MessagesService;
  readonly appchat: AppchatService;
  /** Schedules in members' WeCom calendars (the app must be allowed under 协作 → 日程). */
  readonly schedules: SchedulesService;
  readonly jssdk: JsSdkService;
}

export interface WeComClient extends AppServices {
  readonly config: WeComConfig;
  readonly pipeline: ApiPipeline;
  readonly auth: AuthService;
  readonly users: UsersService;
  readonly departments: DepartmentsService;
  readonly tags: TagsService;
  /** Counts, success rate, latency percentiles, token refreshes, last errors. */
  readonly stats: StatsSnapshot;
  readonly limiter: RateLimiter;
  /** Listen to every finished call; returns the unsubscribe function. */
  onCall(listener: CallListener): () => void;
  /** The same services acting as another configured app. */
  forApp(name: string): AppServices;
  close(): Promise<void>;
}

function appServices(caller: ApiCaller, name: string, agentId: number, now?: () => number): AppServices {
  const context = { credential: name };
  return {
    name,
    agentId,
    lives: new LivesService(caller, context),
    media: new MediaService(caller, context),
    messages: new MessagesService(caller, { ...context, agentId }),
    appchat: new AppchatService(caller, context),
    schedules: new SchedulesService(caller, context),
    jssdk: new JsSdkService(caller, { ...context, now }),
  };
}

export function createWeComClient(
  config: WeComConfigInput | WeComConfig,
  options: WeComClientOptions = {},
): WeComClient {
  const parsed = parseConfig(config);
  const { pipeline: shared, ...pipelineOptions } = options;
  const pipeline = shared ?? createPipeline(parsed, pipelineOptions);
  const main = parsed.apps[0]!;
  const byApp = new Map<string, AppServices>([
    [main.name, appServices(pipeline, main.name, main.agentId, options.now)],
  ]);
  const mainServices = byApp.get(main.name)!;
  const readContext = { credential: main.name };

  return {
    ...mainServices,
    config: parsed,
    pipeline,
    auth: new AuthService(pipeline, main.name),
    users: new UsersService(pipeline, { ...readContext, walkConcurrency: parsed.quotas.maxConcurrentPerApi }),
    departments: new DepartmentsService(pipeline, readContext),
    tags: new TagsService(pipeline, readContext),
    get stats(): StatsSnapshot {
      return pipeline.stats.snapshot();
    },
    limiter: pipeline.limiter,
    onCall: (listener) => pipeline.onCall(listener),
    forApp(name: string): AppServices {
      const existing = byApp.get(name);
      if (existing) return existing;
      const app = parsed.apps.find((candidate) => candidate.name === name);
      if (!app) throw new RangeError(`no app named "${name}" in the WeCom config`);
      const services = appServices(pipeline, app.name, app.agentId, options.now);
      byApp.set(name, services);
      return services;
    },
    close: () => (shared ? Promise.resolve() : pipeline.close()),
  };
}
