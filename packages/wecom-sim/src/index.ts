// @wld/wecom-sim: a local WeCom server-API simulator over a seeded organisation, with quotas and faults.
//
//   const sim = await startSimulator({ seed: 1, size: { users: 5000 } });
//   fetch(`${sim.url}/cgi-bin/gettoken?corpid=${sim.corpId}&corpsecret=${sim.apps[0].secret}`)
//   ...
//   await sim.close();
export type {
  SimSize,
  SimQuotas,
  FaultKind,
  FaultRule,
  SimOptions,
  SimApp,
  SimServer,
  SimFaults,
  SimStats,
  SimTokens,
} from './types.ts';
export type {
  UserStatus,
  LiveType,
  LiveStatus,
  ReplayStatus,
  SimDepartment,
  SimExtAttr,
  SimUser,
  SimTag,
  SimActivityDetail,
  SimLive,
  SimWatchStats,
  SimWatchUserRow,
  SimWatchExternalRow,
  SimShareInfo,
  SimMessage,
  SimAppChat,
  SimAppChatMessage,
  SimSchedule,
  MediaType,
  SimMedia,
  SimImage,
  GeneratedOrg,
  SimState,
} from './state/model.ts';
export { startSimulator } from './server.ts';
export { parseSimWrites } from './state/writes.ts';
export type { SimWrites } from './state/writes.ts';
export { botsFor } from './aibot/bots.ts';
export type { SimBot } from './aibot/bots.ts';
export { AibotHub, AIBOT_PATH } from './aibot/hub.ts';
export type { SimBotFrame, SimBotPush, ScriptedTurn } from './aibot/hub.ts';
export { Conversation } from './aibot/conversation.ts';
export type { SimBotReply, ConversationKind } from './aibot/conversation.ts';
export { startChatter, TRAINEE_QUESTIONS } from './aibot/chatter.ts';
export type { ChatterOptions } from './aibot/chatter.ts';
export { generateOrg, resolveSize, DEFAULT_SIZE } from './data/generate-org.ts';
export type { GenerateOrgOptions, ResolvedSize } from './data/generate-org.ts';
export { generateWatchStats, renderWatchUserRow, renderWatchExternalRow } from './data/generate-watch.ts';
export { DEFAULT_QUOTAS } from './quotas.ts';
export { errcodeText, buildErrmsg } from './errors.ts';
export { parseFaultSpec } from './fault-spec.ts';
export { mulberry32 } from './random.ts';
export type { Rng } from './random.ts';
