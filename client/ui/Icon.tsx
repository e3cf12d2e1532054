/**
 * A few inline SVG icons: emoji would depend on the fonts of each office PC (many have none).
 * Paths are simple geometric shapes drawn for this project.
 */
const PATHS = {
  paperclip:
    'M16.5 6.5v9.75a4.25 4.25 0 0 1-8.5 0V5.5a2.75 2.75 0 0 1 5.5 0v9.75a1.25 1.25 0 0 1-2.5 0V6.5H9.5v8.75a2.75 2.75 0 0 0 5.5 0V5.5a4.25 4.25 0 0 0-8.5 0v10.75a5.75 5.75 0 0 0 11.5 0V6.5z',
  star: 'M12 3.5l2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3.1-5.4 3.1 1.2-6-4.5-4.2 6.1-.7z',
  menu: 'M4 6.5h16V8H4zm0 4.75h16v1.5H4zM4 16h16v1.5H4z',
  archive: 'M3 4h18v5H3zm1.5 6h15v10h-15zM9 12v2h6v-2z',
  trash: 'M9 3h6l1 2h4v2H4V5h4zM5.5 8h13l-1 13h-11zM9 10v9h1.5v-9zm4.5 0v9H15v-9z',
  mailOpen: 'M12 2.5l9 6V21H3V8.5zm0 2.4L5.6 9.2 12 13.5l6.4-4.3zM5 11v8h14v-8l-7 4.7z',
  mail: 'M3 5h18v14H3zm2 2v.5l7 4.7 7-4.7V7zm0 2.9V17h14V9.9l-7 4.7z',
  junk: 'M8 3h8l5 5v8l-5 5H8l-5-5V8zm3 4v7h2V7zm0 9v2h2v-2z',
  inbox: 'M3 4h18v16H3zm2 2v8h4.2l1.5 2h2.6l1.5-2H19V6z',
  folderPlus: 'M3 5h7l2 2h9v12H3zm8 5v2.5H8.5v2H11V17h2v-2.5h2.5v-2H13V10z',
  pencil: 'M15.5 4l4.5 4.5L9.5 19H5v-4.5zm0 2.8L7 15.3V17h1.7l8.5-8.5z',
  close: 'M6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z',
  reply: 'M10 5v4c6 0 10 3.5 11 10-2.5-3.5-6-5-11-5v4l-7-6.5z',
  replyAll: 'M13 5v4c5 0 8 3.5 9 10-2-3.5-5-5-9-5v4l-6.5-6.5zM8 5v2.2L3.8 11.5 8 15.8V18l-6.5-6.5z',
  forward: 'M14 5v4C8 9 4 12.5 3 19c2.5-3.5 6-5 11-5v4l7-6.5z',
  print: 'M7 3h10v5H7zm-3 6h16v8h-3v4H7v-4H4zm5 6v4h6v-4zm8-4v1.5h1.5V11z',
  more: 'M5 10.2a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6zm7 0a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6zm7 0a1.8 1.8 0 1 1 0 3.6 1.8 1.8 0 0 1 0-3.6z',
  folderMove: 'M3 5h7l2 2h9v12H3zm9 4.5V12H8v2h4v2.5l3.5-3.5z',
  upload: 'M11 16V7.8L7.4 11.4 6 10l6-6 6 6-1.4 1.4L13 7.8V16zM4 18h16v2H4z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="currentColor"
      className={`icon icon-${name}`}
      role={label ? 'img' : undefined}
      aria-hidden={label ? undefined : true}
      aria-label={label}
    >
      {label ? <title>{label}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
