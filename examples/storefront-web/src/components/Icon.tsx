/** Line icons as inline SVG (no icon font, no emoji: they render the same everywhere). */
const PATHS = {
  bag: "M6 8h12l-1 12H7L6 8Zm3 0V7a3 3 0 0 1 6 0v1",
  home: "M4 11 12 4l8 7v9h-5v-6H9v6H4v-9Z",
  live: "M12 13a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Zm-4.2 2.7a6 6 0 0 1 0-8.4m8.4 0a6 6 0 0 1 0 8.4M5 18.5a10 10 0 0 1 0-14m14 0a10 10 0 0 1 0 14",
  shop: "M4 9 5.5 4h13L20 9M4 9v11h16V9M4 9c0 1.7 1.3 3 3 3s3-1.3 3-3c0 1.7 1.3 3 2 3s2-1.3 2-3c0 1.7 1.3 3 3 3s3-1.3 3-3M9 20v-5h6v5",
  star: "m12 4 2.4 5 5.6.8-4 3.9 1 5.5-5-2.7-5 2.7 1-5.5-4-3.9 5.6-.8L12 4Z",
  heart: "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z",
  share: "M14 5l6 6-6 6M20 11H10a6 6 0 0 0-6 6v1",
  play: "M8 5v14l11-7L8 5Z",
  eye: "M2 12s3.6-6 10-6 10 6 10 6-3.6 6-10 6S2 12 2 12Zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z",
  close: "M6 6l12 12M18 6 6 18",
  user: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0H5Z",
  chat: "M4 5h16v11H9l-5 4V5Z",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, filled, size = 22 }: { name: IconName; filled?: boolean; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth={filled ? 0 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
