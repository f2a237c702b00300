// Labels of the watch-time distribution's buckets in the UI language (the services give their bounds).
import type { TFunction } from 'i18next';

const HOUR = 3600;

/** "0–5 分钟" / "1–2 h" / "2 小时以上" for a bucket from `fromSeconds` up to the next bucket's start. */
export function watchBucketLabel(t: TFunction<'lives'>, fromSeconds: number, toSeconds: number | undefined): string {
  if (toSeconds === undefined) return t('detail.analytics.bucketOver', { from: fromSeconds / HOUR });
  if (toSeconds <= HOUR) return t('detail.analytics.bucketMinutes', { from: fromSeconds / 60, to: toSeconds / 60 });
  return t('detail.analytics.bucketHours', { from: fromSeconds / HOUR, to: toSeconds / HOUR });
}

/** The distribution with each bucket's label in the UI language. */
export function withBucketLabels<B extends { fromSeconds: number }>(t: TFunction<'lives'>, buckets: readonly B[]): Array<B & { label: string }> {
  return buckets.map((b, i) => ({ ...b, label: watchBucketLabel(t, b.fromSeconds, buckets[i + 1]?.fromSeconds) }));
}
