// The corp profile form's values and their validation. Field rules come from the shared schemas in
// shared/settings.ts; the form adds what only it knows: the typed secrets (which never enter the profile)
// and which apps already have a secret in the keychain.
import { z } from 'zod';
import { appCredentialSchema, profileSchema } from '../../../shared/settings.ts';
import { httpUrlSchema } from '../../../shared/text-rules.ts';
import type { Profile } from '../../../shared/settings.ts';
import { CONTACTS_SECRET_APP } from '../../stores/settings.ts';
import type { ProfileSubmission } from '../../stores/settings.ts';
import { now as clockNow } from '@wld/clock';

export interface AppFormValues {
  name: string;
  /** null while the field is empty */
  agentId: number | null;
  /** Typed secret; blank keeps the stored one (when there is one). */
  secret: string;
  /** What the app is used for (lives, messages, contacts); none: roles no app lists fall to the first. */
  roles?: AppRole[];
}

export type AppRole = NonNullable<Profile['apps'][number]['roles']>[number];

export interface ProfileFormValues {
  name: string;
  corpId: string;
  /** This profile's WeCom address or gateway; blank: the network settings' one. */
  baseUrl: string;
  /** Members (userids) asked for their lives on every lives sync. */
  liveAnchors: string[];
  apps: AppFormValues[];
  /** Optional contacts-sync (通讯录同步) secret. */
  contactsSecret: string;
}

/** A problem on one field: its form path and the i18n key (in `settings`) with the schema's message. */
export interface FormIssue {
  path: (string | number)[];
  key: string;
  /** The message the shared schema gave, for languages that show it as is. */
  message: string;
  /** Interpolation values for the key (limits and the like). */
  values?: Record<string, string | number>;
}

export interface ValidationContext {
  /** App names that already have a secret stored for this profile. */
  storedSecrets: ReadonlySet<string>;
}

const secretSchema = z.string().max(256, 'secret: at most 256 characters');
const optionalHttpUrl = z.union([z.literal(''), httpUrlSchema]);

export const emptyProfileForm = (): ProfileFormValues => ({
  name: '',
  corpId: '',
  baseUrl: '',
  liveAnchors: [],
  apps: [{ name: 'live-desk', agentId: null, secret: '' }],
  contactsSecret: '',
});

export function profileToForm(profile: Profile): ProfileFormValues {
  return {
    name: profile.name,
    corpId: profile.corpId,
    baseUrl: profile.baseUrl ?? '',
    liveAnchors: profile.liveAnchors ?? [],
    apps: profile.apps.length > 0 ? profile.apps.map((a) => ({ name: a.name, agentId: a.agentId, secret: '', roles: a.roles ?? [] })) : emptyProfileForm().apps,
    contactsSecret: '',
  };
}

/** Maps a schema issue on a field to the key that says it in the user's language. */
function keyFor(path: (string | number)[], code: string, value: unknown): string {
  const field = String(path[path.length - 1]);
  const inApp = path[0] === 'apps';
  if (field === 'corpId') return typeof value === 'string' && value.trim() === '' ? 'validation.corpIdRequired' : 'validation.corpId';
  if (field === 'name' && code === 'too_small') return 'validation.required';
  // the app name schema keeps the contacts secret's name for itself
  if (field === 'name' && inApp && typeof value === 'string' && value.trim() === CONTACTS_SECRET_APP) return 'validation.appNameReserved';
  if (field === 'name') return inApp ? 'validation.appName' : 'validation.profileName';
  if (field === 'agentId') return 'validation.agentId';
  if (field === 'baseUrl') return 'validation.url';
  if (field === 'secret' || field === 'contactsSecret') return 'validation.secret';
  return 'validation.generic';
}

function fieldIssues(schema: z.ZodType, value: unknown, path: (string | number)[]): FormIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.slice(0, 1).map((issue) => ({ path, key: keyFor(path, issue.code, value), message: issue.message }));
}

/** Every problem with the values, in field order; empty when the form can be saved. */
export function validateProfileForm(values: ProfileFormValues, ctx: ValidationContext): FormIssue[] {
  const issues: FormIssue[] = [];
  issues.push(...fieldIssues(profileSchema.shape.name, values.name, ['name']));
  // A corp profile needs a corpId; the shared schema allows empty only for the Demo profile.
  if (values.corpId.trim() === '') issues.push({ path: ['corpId'], key: 'validation.corpIdRequired', message: 'corpId is required' });
  else issues.push(...fieldIssues(profileSchema.shape.corpId, values.corpId.trim(), ['corpId']));
  // the WeCom host or gateway is called over http(s), as the network settings' address is
  issues.push(...fieldIssues(optionalHttpUrl, values.baseUrl.trim(), ['baseUrl']));
  if (values.apps.length === 0) issues.push({ path: ['apps'], key: 'validation.appsRequired', message: 'add at least one app' });
  const seen = new Set<string>();
  values.apps.forEach((app, i) => {
    const nameIssues = fieldIssues(appCredentialSchema.shape.name, app.name, ['apps', i, 'name']);
    issues.push(...nameIssues);
    const name = app.name.trim();
    if (nameIssues.length === 0) {
      if (name === CONTACTS_SECRET_APP) issues.push({ path: ['apps', i, 'name'], key: 'validation.appNameReserved', message: `"${CONTACTS_SECRET_APP}" is reserved` });
      else if (seen.has(name)) issues.push({ path: ['apps', i, 'name'], key: 'validation.appNameDuplicate', message: 'app names must differ' });
      seen.add(name);
    }
    // An empty number field is null: checking it as 0 gives the schema's own "positive" message.
    issues.push(...fieldIssues(appCredentialSchema.shape.agentId, app.agentId ?? 0, ['apps', i, 'agentId']));
    if (app.secret.trim() === '' && !ctx.storedSecrets.has(name)) {
      issues.push({ path: ['apps', i, 'secret'], key: 'validation.secretRequired', message: 'secret is required' });
    } else {
      issues.push(...fieldIssues(secretSchema, app.secret, ['apps', i, 'secret']));
    }
  });
  issues.push(...fieldIssues(secretSchema, values.contactsSecret, ['contactsSecret']));
  return issues;
}

/** A profile id from the name: ASCII slug when there is one, else a short unique id. */
export function makeProfileId(name: string, taken: ReadonlySet<string>, now: number = clockNow()): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  const base = slug && slug !== 'demo' ? slug : `corp-${now.toString(36)}`;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`.slice(0, 40);
  return id;
}

/**
 * Splits valid form values into the profile (saved by main, no secrets) and the secrets (to the
 * keychain through the services). Blank secrets are left out: the stored one stays.
 */
export function toSubmission(values: ProfileFormValues, id: string, existing: Profile | null): ProfileSubmission {
  const profile: Profile = profileSchema.parse({
    id,
    name: values.name.trim(),
    kind: 'corp',
    corpId: values.corpId.trim(),
    apps: values.apps.map((a) => ({ name: a.name.trim(), agentId: a.agentId ?? 0, ...(a.roles && a.roles.length > 0 ? { roles: a.roles } : {}) })),
    hasContactsSecret: existing?.hasContactsSecret ?? false,
    ...(values.baseUrl.trim() ? { baseUrl: values.baseUrl.trim() } : {}),
    ...(values.liveAnchors.length > 0 ? { liveAnchors: [...new Set(values.liveAnchors)] } : {}),
  });
  const secrets: Record<string, string> = {};
  for (const app of values.apps) {
    if (app.secret.trim() !== '') secrets[app.name.trim()] = app.secret.trim();
  }
  if (values.contactsSecret.trim() !== '') secrets[CONTACTS_SECRET_APP] = values.contactsSecret.trim();
  return { profile, secrets };
}
