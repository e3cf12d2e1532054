import type { Address, SenderTrust } from '../../common/contract';
import type { Directory } from '../accounts/directory';
import type { Config } from '../config';
import { comparableName, senderWarnings } from '../policy/sender-warnings';
import { type HeaderLine, trustedAuthentication } from './trusted-auth-results';

export type SenderTrustCheck = (
  lines: HeaderLine[],
  from: Address | null,
  replyTo: Address[],
) => Promise<SenderTrust>;

const NAMES_TTL_MS = 10 * 60_000;
const namesCache = new WeakMap<Directory, { at: number; names: Promise<Map<string, string>> }>();

/**
 * The directory's names for the colleague check, read once per ten minutes: reading a message
 * must not cost a scan of the whole directory each time.
 */
function colleagueNames(directory: Directory, now: number): Promise<Map<string, string>> {
  const cached = namesCache.get(directory);
  if (cached && now - cached.at < NAMES_TTL_MS) return cached.names;
  const names = directory.entries().then((entries) => {
    const map = new Map<string, string>();
    for (const e of entries) {
      const key = e.name ? comparableName(e.name) : '';
      // A one-word name ("Văn thư") is no one's in particular.
      if (key.includes(' ')) map.set(key, e.name!);
    }
    return map;
  });
  namesCache.set(directory, { at: now, names });
  names.catch(() => namesCache.delete(directory));
  return names;
}

/** Builds the reader's check from the configuration and the province directory. */
export function senderTrustCheck(
  config: Pick<Config, 'senderTrust' | 'org'>,
  directory: Directory,
  now: () => number = Date.now,
): SenderTrustCheck {
  const { authservId, governmentDomains, officialTitles } = config.senderTrust;
  const mailDomain = config.org.mailDomain.toLowerCase();
  return async (lines, from, replyTo) => {
    const names = await colleagueNames(directory, now()).catch(() => new Map<string, string>());
    const assessment = senderWarnings(
      { from, replyTo },
      { mailDomain, governmentDomains, officialTitles, colleagueNames: names },
    );
    return { authentication: trustedAuthentication(lines, { authservId, mailDomain }), ...assessment };
  };
}

/** Should a reply to this message show where it will really go? */
export function replyNeedsCaution(message: {
  from: Address | null;
  replyTo: Address[];
  sender?: SenderTrust | null;
}) {
  const from = message.from?.address.toLowerCase();
  const elsewhere = message.replyTo.some((r) => r.address.toLowerCase() !== from);
  return (
    elsewhere || Boolean(message.sender && (message.sender.outside || message.sender.warnings.length > 0))
  );
}
