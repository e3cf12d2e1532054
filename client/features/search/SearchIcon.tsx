/** The search feature's own glyphs, drawn like client/ui/Icon.tsx (no emoji, no icon font). */
const PATHS = {
  search:
    'M10 3.5a6.5 6.5 0 0 1 5.2 10.4l4.9 4.9-1.3 1.3-4.9-4.9A6.5 6.5 0 1 1 10 3.5zm0 1.8a4.7 4.7 0 1 0 0 9.4 4.7 4.7 0 0 0 0-9.4z',
  tune: 'M3 6h10.2a2.5 2.5 0 0 1 4.6 0H21v1.6h-3.2a2.5 2.5 0 0 1-4.6 0H3zm0 10.4h3.2a2.5 2.5 0 0 1 4.6 0H21V18H10.8a2.5 2.5 0 0 1-4.6 0H3z',
  close: 'M6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z',
  folder: 'M3 5h7l2 2h9v12H3z',
} as const;

export function SearchIcon({ name, size = 18 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="currentColor" className="icon" aria-hidden>
      <path d={PATHS[name]} />
    </svg>
  );
}
