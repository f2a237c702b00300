// What each of a profile's apps is for: lives (create, modify, watch statistics), messages (send,
// recall, app group chats, media) and contacts (reading the organisation). A role goes to the first
// app that lists it; a role no app lists falls to the first app (profiles from before roles).
import type { Profile } from '../../shared/settings.ts';

export type AppRole = 'lives' | 'messages' | 'contacts';
export const APP_ROLES: readonly AppRole[] = ['lives', 'messages', 'contacts'];

type App = Profile['apps'][number];

export function appForRole(profile: Pick<Profile, 'apps'>, role: AppRole): App | null {
  return profile.apps.find((app) => app.roles?.includes(role)) ?? profile.apps[0] ?? null;
}

/** The role an endpoint's call is made for; null for token and other shared calls. */
export function roleOfEndpoint(endpoint: string): AppRole | null {
  if (/\/cgi-bin\/living\//.test(endpoint)) return 'lives';
  if (/\/cgi-bin\/(message|appchat|media)\//.test(endpoint)) return 'messages';
  if (/\/cgi-bin\/(user|department|tag)\//.test(endpoint)) return 'contacts';
  return null;
}
