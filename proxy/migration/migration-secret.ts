import { open, seal } from '../auth/secret-box';

/**
 * The passwords a migration needs while it runs: the old server's, and (for a user's own job)
 * the new mailbox's from the user's session. Sealed with AES-256-GCM under the proxy's data key
 * (console/data-key.ts), so a copy of the database alone opens nothing; the row's box is deleted
 * when the job ends, success or failure (migration-store.ts finish).
 */
export interface MigrationSecrets {
  oldPassword: string;
  /** '' for a unit's batch job: it logs in to the new mailbox as the provider's master user. */
  targetPassword: string;
  /** The new mailbox's login when it is not the mailbox itself (the master user's form). Never sealed. */
  targetUser?: string;
}

export function sealSecrets(secrets: MigrationSecrets, key: Buffer): Buffer {
  return seal(
    JSON.stringify({ oldPassword: secrets.oldPassword, targetPassword: secrets.targetPassword }),
    key,
  );
}

export function openSecrets(box: Buffer | null, key: Buffer): MigrationSecrets | null {
  if (!box) return null;
  const text = open(box, key);
  if (text === null) return null;
  const parsed = JSON.parse(text) as Partial<MigrationSecrets>;
  return typeof parsed.oldPassword === 'string' && typeof parsed.targetPassword === 'string'
    ? { oldPassword: parsed.oldPassword, targetPassword: parsed.targetPassword }
    : null;
}
