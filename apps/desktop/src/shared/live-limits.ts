// The app's bounds on a live's duration (WeCom's text limits: LIVING_LIMITS in @wld/wecom-core/rules).
// A module of its own so the live form reads them without evaluating the contract's schemas.
export const LIVE_LIMITS = {
  minDurationSeconds: 60,
  maxDurationSeconds: 24 * 3600,
} as const;
