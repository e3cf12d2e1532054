import { ConfigError, loadConfig } from './config';
import { loadEnvFile } from './load-env-file';
import { buildServer } from './server';
import { SchemaTooNewError } from './store/migrate';
import { isStoreRefused, isStoreUnavailable } from './store/store-errors';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    loadEnvFile();
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  let app: Awaited<ReturnType<typeof buildServer>>['app'];
  try {
    ({ app } = await buildServer(config));
  } catch (err) {
    // The store refuses a schema newer than this release, or cannot be reached: say which, in
    // one line an operator can act on, rather than a stack.
    if (err instanceof SchemaTooNewError) {
      console.error(err.message);
      process.exit(2);
    }
    // A wrong password or database name: a setting to fix, so exit 2 as a bad setting does (the
    // unit does not restart it in a loop).
    if (isStoreRefused(err)) {
      console.error(`The store refuses this instance (${(err as Error).message}): check DATABASE_URL.`);
      process.exit(2);
    }
    if (isStoreUnavailable(err)) {
      console.error(
        `The store cannot be reached (${(err as Error).message}): check DATABASE_URL and that PostgreSQL runs.`,
      );
      process.exit(1);
    }
    throw err;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ host: config.host, port: config.port });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
