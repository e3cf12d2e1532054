import type { SieveRules, SieveState } from '../../common/contract/sieve';
import { checkForwardAddress } from '../../common/policy/forward-refusal';
import type { AppContext } from '../app-context';
import { ApiError } from '../errors';
import {
  ManageSieveError,
  type ManageSieveServer,
  type ScriptEntry,
  withManageSieve,
} from './managesieve-client';
import { EMPTY_RULES, rulesFromScript, sieveScriptFor, WEBMAIL_SCRIPT_NAME } from './sieve-script';

interface SieveUser {
  email: string;
  password: string;
}

type SieveConfig = AppContext['config']['sieve'];

/**
 * The user's out-of-office and filters, kept at the provider as the webmail's own Sieve script.
 * A script the user activated in another program stays active and untouched: the webmail saves its
 * own beside it and says so, rather than silently switching the user's rules off.
 */
export async function readSieveState(config: SieveConfig, user: SieveUser): Promise<SieveState> {
  return atServer(config, user, async (conn) => {
    const scripts = await conn.listScripts();
    const own = scripts.find((s) => s.name === WEBMAIL_SCRIPT_NAME);
    const rules = own
      ? (rulesFromScript(await conn.getScript(WEBMAIL_SCRIPT_NAME)) ?? EMPTY_RULES)
      : EMPTY_RULES;
    return stateOf(rules, scripts);
  });
}

export async function saveSieveRules(
  config: SieveConfig,
  user: SieveUser,
  rules: SieveRules,
): Promise<SieveState> {
  // Đ12.9, Đ13.5: refused before anything reaches the server, so its script stays as it was.
  for (const filter of rules.filters) {
    const to = filter.actions.forwardTo;
    if (!to) continue;
    const check = checkForwardAddress(to, config.forwardRefusedDomains);
    if (!check.ok && check.reason === 'refused_domain') {
      throw new ApiError('forward_refused_domain', { address: to, domain: check.domain });
    }
    if (!check.ok) throw new ApiError('invalid_address', { address: to });
  }
  const script = sieveScriptFor(rules);
  return atServer(config, user, async (conn) => {
    try {
      await conn.putScript(WEBMAIL_SCRIPT_NAME, script);
    } catch (error) {
      if (error instanceof ManageSieveError && error.response.status === 'NO') {
        throw new ApiError('sieve_script_refused', { reason: error.response.text.slice(0, 500) });
      }
      throw error;
    }
    let scripts = await conn.listScripts();
    if (!scripts.some((s) => s.active)) {
      await conn.setActive(WEBMAIL_SCRIPT_NAME);
      scripts = scripts.map((s) => ({ ...s, active: s.name === WEBMAIL_SCRIPT_NAME }));
    }
    return stateOf(rules, scripts);
  });
}

function stateOf(rules: SieveRules, scripts: ScriptEntry[]): SieveState {
  const active = scripts.find((s) => s.active);
  return {
    rules,
    otherActiveScript: active && active.name !== WEBMAIL_SCRIPT_NAME ? active.name : null,
    webmailScriptActive: active?.name === WEBMAIL_SCRIPT_NAME,
  };
}

async function atServer<T>(
  config: SieveConfig,
  user: SieveUser,
  fn: Parameters<typeof withManageSieve<T>>[2],
): Promise<T> {
  const server: ManageSieveServer = {
    host: config.host,
    port: config.port,
    requireTls: config.requireTls,
    allowInsecureTls: config.allowInsecureTls,
  };
  try {
    return await withManageSieve(server, user, fn);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('sieve_unavailable', undefined, { cause: error });
  }
}
