// The product mark: a play button in a broadcast bubble, in WeCom blue.
export function ProductMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-hidden="true" focusable="false">
      <rect x="4" y="8" width="56" height="40" rx="10" fill="#0082ef" />
      <path d="M20 48 L16 58 L30 48 Z" fill="#0082ef" />
      <path d="M27 19 L43 28 L27 37 Z" fill="#ffffff" />
      <circle cx="50" cy="16" r="4" fill="#ff4d4f" />
    </svg>
  );
}
