// A permission error (48002 / 60011 / 301002) names the app whose credentials made the call and the
// role it has, so the admin knows which app to grant what in the WeCom admin console.
import { WeComApiError } from '@wld/wecom-core';
import type { ServiceError } from '../../shared/models.ts';
import type { Profile } from '../../shared/settings.ts';
import { appForRole, roleOfEndpoint } from './app-roles.ts';

const PERMISSION_CODES = new Set([48002, 60011, 301002]);

/** Names the app and its role in params; the renderer puts them before the errcode's sentence. */
export function withAppNamed(mapped: ServiceError, error: unknown, profile: Profile | null): ServiceError {
  if (!(error instanceof WeComApiError) || !PERMISSION_CODES.has(error.errcode) || !profile) return mapped;
  const role = roleOfEndpoint(error.endpoint);
  const app = role ? appForRole(profile, role) : null;
  if (!role || !app) return mapped;
  return {
    ...mapped,
    params: { ...mapped.params, app: app.name, agentId: app.agentId, role },
    message: `The app "${app.name}" (AgentId ${app.agentId}, used for ${role}) lacks a permission: ${mapped.message}`,
  };
}
