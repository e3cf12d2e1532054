import { UserSettings } from '../../common/contract';
import type { SettingsStore } from './settings-store';

type Field = keyof UserSettings;
const FIELDS = Object.keys(UserSettings.shape) as Field[];

/**
 * The user's settings, one store key per field: a field written by an older version that no longer
 * fits its schema is dropped (the feature falls back to its default) instead of failing the rest.
 */
export async function readUserSettings(store: SettingsStore, email: string): Promise<UserSettings> {
  const all = await store.getAll(email);
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const stored = all[field];
    if (stored === undefined) continue;
    const parsed = UserSettings.shape[field].safeParse(stored);
    if (parsed.success && parsed.data !== undefined) out[field] = parsed.data;
  }
  return out as UserSettings;
}

/** Writes only the fields present in the change; returns the whole settings after it. */
export async function updateUserSettings(
  store: SettingsStore,
  email: string,
  change: UserSettings,
): Promise<UserSettings> {
  const present: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (change[field] !== undefined) present[field] = change[field];
  }
  await store.setMany(email, present);
  return readUserSettings(store, email);
}
