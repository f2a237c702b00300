// The people a message or an app chat goes to: the shared member picker as messages use it (active
// members only, chips on one line, the names it finds kept for the owner list and the chats table).
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useMessagesStore } from '../../stores/messages.ts';

export interface MemberSelectProps {
  value: string[];
  onChange: (userids: string[]) => void;
  maxCount: number;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function MemberSelect({ value, onChange, maxCount, ...rest }: MemberSelectProps) {
  const { t } = useTranslation('messages');
  const rememberUserNames = useMessagesStore((s) => s.rememberUserNames);
  return (
    <UserSelect
      {...rest}
      multiple
      activeOnly
      value={value}
      onChange={(picked) => onChange(Array.isArray(picked) ? picked : [])}
      maxCount={maxCount}
      maxTagCount="responsive"
      placeholder={t('recipients.usersPlaceholder')}
      notFoundText={t('recipients.noUsers')}
      onNamed={rememberUserNames}
      style={{ width: '100%' }}
    />
  );
}
