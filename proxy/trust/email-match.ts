/**
 * Whether one of a certificate's e-mail addresses is the From address. The domain is compared
 * without regard to case (DNS is case-insensitive), the local part exactly (RFC 5321 leaves its
 * case to the receiving system), both after NFC so composed and decomposed Vietnamese letters of
 * an internationalised address agree.
 */
export function emailMatchesFrom(certificateEmails: readonly string[], from: string | null): boolean {
  if (!from) return false;
  const wanted = splitAddress(from);
  if (!wanted) return false;
  return certificateEmails.some((email) => {
    const candidate = splitAddress(email);
    return candidate !== null && candidate.local === wanted.local && candidate.domain === wanted.domain;
  });
}

function splitAddress(address: string): { local: string; domain: string } | null {
  const trimmed = address.trim().normalize('NFC');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  return { local: trimmed.slice(0, at), domain: trimmed.slice(at + 1).toLowerCase() };
}
