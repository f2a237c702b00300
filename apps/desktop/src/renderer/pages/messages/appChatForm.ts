// App group chat rules (appchat/create, appchat/update): name ≤ 50 characters, 2..2000 members, the
// owner one of them, an optional chatid of ≤ 32 letters and digits; and the diff an edit sends.
import { APPCHAT_LIMITS, CHATID_PATTERN, charCount } from '@wld/wecom-core/rules';

export interface AppChatFormValues {
  name: string;
  members: string[];
  owner: string | null;
  chatid: string;
}

export type AppChatField = 'name' | 'members' | 'owner' | 'chatid';

export interface AppChatIssue {
  field: AppChatField;
  /** i18n key in `messages` */
  key: string;
  values?: Record<string, number>;
}

export function appChatIssues(values: AppChatFormValues, mode: 'create' | 'edit'): AppChatIssue[] {
  const issues: AppChatIssue[] = [];
  const name = values.name.trim();
  if (!name) issues.push({ field: 'name', key: 'appchat.issues.nameRequired' });
  else if (charCount(name) > APPCHAT_LIMITS.nameChars) issues.push({ field: 'name', key: 'appchat.issues.nameTooLong', values: { max: APPCHAT_LIMITS.nameChars } });
  const count = new Set(values.members).size;
  if (count < APPCHAT_LIMITS.minMembers || count > APPCHAT_LIMITS.maxMembers) {
    issues.push({ field: 'members', key: 'appchat.issues.members', values: { min: APPCHAT_LIMITS.minMembers, max: APPCHAT_LIMITS.maxMembers } });
  }
  if (values.owner !== null && !values.members.includes(values.owner)) issues.push({ field: 'owner', key: 'appchat.issues.ownerNotMember' });
  if (mode === 'create' && values.chatid.trim() !== '' && !CHATID_PATTERN.test(values.chatid.trim())) {
    issues.push({ field: 'chatid', key: 'appchat.issues.chatid' });
  }
  return issues;
}

/** Members to add and to remove to go from `before` to `after`. */
export function memberDiff(before: readonly string[], after: readonly string[]): { addUsers: string[]; removeUsers: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return { addUsers: [...now].filter((u) => !was.has(u)), removeUsers: [...was].filter((u) => !now.has(u)) };
}
