// A permission error (48002 / 60011 / 301002) names the app whose credentials made the call and the
// role it has, so the admin knows which app to grant what in the WeCom admin console.
import { WeComApiError } from '@wld/wecom-core';
import type { ServiceError } from '../../shared/models.ts';
import type { Profile } from '../../shared/settings.ts';
import type { Language } from '../i18n.ts';
import { appForRole, roleOfEndpoint, type AppRole } from './app-roles.ts';

const PERMISSION_CODES = new Set([48002, 60011, 301002]);

const ROLE_TEXT: Record<AppRole, { zh: string; en: string }> = {
  lives: { zh: '直播', en: 'lives' },
  messages: { zh: '消息', en: 'messages' },
  contacts: { zh: '通讯录', en: 'contacts' },
};

export function withAppNamed(mapped: ServiceError, error: unknown, profile: Profile | null, language: Language): ServiceError {
  if (!(error instanceof WeComApiError) || !PERMISSION_CODES.has(error.errcode) || !profile) return mapped;
  const role = roleOfEndpoint(error.endpoint);
  const app = role ? appForRole(profile, role) : null;
  if (!role || !app) return mapped;
  const roleText = language === 'zh-CN' ? ROLE_TEXT[role].zh : ROLE_TEXT[role].en;
  const prefix =
    language === 'zh-CN'
      ? `应用「${app.name}」（AgentId ${app.agentId}，负责${roleText}）缺少权限：`
      : `The app "${app.name}" (AgentId ${app.agentId}, used for ${roleText}) lacks a permission: `;
  return { ...mapped, message: `${prefix}${mapped.message}` };
}
