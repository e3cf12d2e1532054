import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AppContext } from '../../app-context';

const run = promisify(execFile);
const HOOK_TIMEOUT_MS = 60_000;

export type HookOutcome = 'none' | 'ok' | 'failed';

/**
 * PROVIDER_ACCOUNT_HOOK after an account is created or removed at the provider: where the MTA
 * keeps its own list of mailboxes (Postfix virtual maps), the hook refreshes it, or mail to the
 * new address is refused. The value is split on spaces into command and arguments — no shell, so
 * an address can never be read as shell syntax — and `<action> <address>` is appended. A failing
 * hook does not undo the account (it exists at the provider); it is logged and audited.
 */
export async function runProviderAccountHook(
  ctx: Pick<AppContext, 'config'>,
  action: 'created' | 'removed',
  email: string,
  log?: { warn: (obj: object, msg: string) => void },
): Promise<HookOutcome> {
  const hook = ctx.config.console.providerAccountHook?.trim();
  if (!hook) return 'none';
  const [command, ...args] = hook.split(/\s+/);
  try {
    await run(command as string, [...args, action, email], { timeout: HOOK_TIMEOUT_MS });
    return 'ok';
  } catch (error) {
    log?.warn({ err: error, action, email }, 'PROVIDER_ACCOUNT_HOOK failed');
    return 'failed';
  }
}
