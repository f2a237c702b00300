// What the keychain holds for some profiles (`secrets.status`), and a way to ask again after a write
// that stored or removed secrets (the services send no `changed` topic for the keychain).
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../shared/contract.ts';
import { useServiceQueries } from './useServiceQuery.ts';

export type SecretsStatus = MethodOutput<'secrets.status'>;

/** profileId → status, for the profiles the services answered about. */
export function useSecretsStatus(profileIds: readonly string[]): Record<string, SecretsStatus | undefined> {
  const answers = useServiceQueries(
    'secrets.status',
    profileIds.map((profileId) => ({ profileId })),
  );
  const byProfile: Record<string, SecretsStatus | undefined> = {};
  profileIds.forEach((id, i) => {
    const data = answers[i]?.data;
    if (data) byProfile[id] = data;
  });
  return byProfile;
}

export function useRefreshSecretsStatus(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: ['secrets.status'] }), [client]);
}
