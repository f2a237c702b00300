// A counter that goes up whenever the services say data under one of the topics changed; put it in a
// table's queryKey so the table re-reads after a sync.
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Topic } from '../../api/client.ts';

export function useTopicVersion(topics: readonly Topic[]): number {
  const [version, setVersion] = useState(0);
  const key = topics.join(',');
  useEffect(() => {
    const watched = new Set(key.split(','));
    return api.on('changed', (payload) => {
      if (payload.topics.some((topic) => watched.has(topic))) setVersion((v) => v + 1);
    });
  }, [key]);
  return version;
}
