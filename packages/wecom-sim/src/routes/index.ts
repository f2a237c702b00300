// Every API the simulator answers, by path.
import { appchatRoutes } from './appchat.ts';
import { authRoutes } from './auth.ts';
import { departmentRoutes } from './departments.ts';
import { livingRoutes } from './living.ts';
import { mediaRoutes } from './media.ts';
import { messageRoutes } from './messages.ts';
import { scheduleRoutes } from './schedules.ts';
import { tagRoutes } from './tags.ts';
import type { RouteDef } from './types.ts';
import { userRoutes } from './users.ts';

export function buildRoutes(): Map<string, RouteDef> {
  return new Map(
    Object.entries({
      ...authRoutes,
      ...userRoutes,
      ...departmentRoutes,
      ...tagRoutes,
      ...livingRoutes,
      ...messageRoutes,
      ...appchatRoutes,
      ...mediaRoutes,
      ...scheduleRoutes,
    }),
  );
}
