/** URLs of the mail screen: /thu/<folder> and /thu/<folder>/<uid>, the folder URL-encoded whole. */
export const mailPath = (mailbox: string, uid?: number) =>
  `/thu/${encodeURIComponent(mailbox)}${uid ? `/${uid}` : ''}`;

/**
 * Reads the raw (still encoded) pathname: a router's own decoding would turn "Dự án%2FChuyển đổi số"
 * into two segments or choke on a folder called "50%".
 */
export function parseMailPath(rawPath: string): { mailbox: string; uid: number | null } | null {
  const match = /^\/thu\/([^/]+)(?:\/(\d+))?\/?$/.exec(rawPath);
  if (!match?.[1]) return null;
  try {
    return { mailbox: decodeURIComponent(match[1]), uid: match[2] ? Number(match[2]) : null };
  } catch {
    return null;
  }
}
