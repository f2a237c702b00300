// Every method of the contract, by domain. Typed as ServicesHandlers: a missing method does not compile.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { appchatHandlers } from './appchat.ts';
import { botHandlers } from './bot.ts';
import { connectionHandlers } from './connection.ts';
import { livesHandlers } from './lives.ts';
import { messagesHandlers } from './messages.ts';
import { noticesHandlers } from './notices.ts';
import { apiUsageHandlers } from './api-usage.ts';
import { orgHandlers } from './org.ts';
import { profileDataHandlers } from './profile-data.ts';
import { secretsHandlers } from './secrets.ts';
import { statsHandlers } from './stats.ts';
import { syncHandlers } from './sync.ts';
import { trainingHandlers } from './training.ts';

export function createHandlers(ctx: ServicesContext): ServicesHandlers {
  return {
    ...connectionHandlers(ctx),
    ...syncHandlers(ctx),
    ...secretsHandlers(ctx),
    ...orgHandlers(ctx),
    ...livesHandlers(ctx),
    ...statsHandlers(ctx),
    ...trainingHandlers(ctx),
    ...messagesHandlers(ctx),
    ...noticesHandlers(ctx),
    ...appchatHandlers(ctx),
    ...apiUsageHandlers(ctx),
    ...profileDataHandlers(ctx),
    ...botHandlers(ctx),
  };
}
