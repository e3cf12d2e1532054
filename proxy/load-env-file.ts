import { existsSync } from 'node:fs';

/**
 * Reads `.env` from the working directory when there is one (`npm run demo` writes it for the
 * local mail stack). Variables already set in the environment win, as with any dotenv loader.
 */
export function loadEnvFile(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
