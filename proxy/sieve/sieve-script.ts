import {
  DEFAULT_VACATION,
  type FilterCondition,
  type MailFilter,
  SieveRules,
  type VacationSettings,
} from '../../common/contract/sieve';
import { toneInsensitivePattern } from './tone-pattern';

/**
 * The one Sieve script (RFC 5228) the webmail owns at the provider, written from the user's rules
 * and read back from them alone. PURE. The rules travel inside the script as one JSON comment
 * line, so reading never parses Sieve: what the webmail wrote comes back exactly, and a script it
 * did not write is never taken for its own.
 */
export const WEBMAIL_SCRIPT_NAME = 'hop-thu-cong-vu';
const RULES_MARK = '# bp-webmail-rules: ';

export function sieveScriptFor(rules: SieveRules): string {
  const body: string[] = [];
  const needs = new Set<string>();
  const vacation = vacationBlock(rules.vacation, needs);
  if (vacation) body.push(vacation);
  for (const filter of rules.filters) {
    if (filter.enabled) body.push(filterBlock(filter, needs));
  }
  const header = [
    '# Hộp thư công vụ: out-of-office and filters, written by the webmail.',
    '# Change them in the webmail; edits made here are replaced at its next save.',
    `${RULES_MARK}${JSON.stringify(rules)}`,
  ];
  const require = needs.size ? [`require ${stringList([...needs].sort())};`] : [];
  return `${[...header, ...require, '', ...body].join('\n').trimEnd()}\n`;
}

/** The rules the webmail wrote into `script`; null for a script it did not write (or broken). */
export function rulesFromScript(script: string): SieveRules | null {
  const line = script.split(/\r?\n/).find((l) => l.startsWith(RULES_MARK));
  if (!line) return null;
  try {
    const parsed = SieveRules.safeParse(JSON.parse(line.slice(RULES_MARK.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const EMPTY_RULES: SieveRules = { vacation: DEFAULT_VACATION, filters: [] };

function vacationBlock(v: VacationSettings, needs: Set<string>): string | null {
  if (!v.enabled || !v.message.trim()) return null;
  needs.add('vacation');
  const tests: string[] = [];
  // Asia/Ho_Chi_Minh is UTC+7 all year: a fixed zone gives the day as people in Bình Phước count it.
  if (v.fromDay || v.untilDay) needs.add('date').add('relational');
  if (v.fromDay) tests.push(`currentdate :zone "+0700" :value "ge" "date" ${str(v.fromDay)}`);
  if (v.untilDay) tests.push(`currentdate :zone "+0700" :value "le" "date" ${str(v.untilDay)}`);
  // Pigeonhole already stays silent to lists and automatic senders (RFC 5230 §4.6); said here
  // too, so the rule holds on any Sieve server and reads plainly.
  tests.push(
    // One test per header: `exists` with a list is true only when every header is there.
    'not exists "List-Id"',
    'not exists "List-Unsubscribe"',
    'not exists "List-Post"',
    'not header :contains "Precedence" ["bulk", "list", "junk"]',
    'anyof (not exists "Auto-Submitted", header :is "Auto-Submitted" "no")',
  );
  const subject = v.subject ? ` :subject ${str(v.subject)}` : '';
  return [
    '# out-of-office',
    `if allof (${tests.join(',\n          ')}) {`,
    `  vacation :days ${v.days}${subject} ${str(v.message)};`,
    '}',
  ].join('\n');
}

function filterBlock(filter: MailFilter, needs: Set<string>): string {
  const tests = filter.conditions.map((c) => conditionTest(c, needs));
  const test =
    tests.length === 1 ? tests[0] : `${filter.match === 'all' ? 'allof' : 'anyof'} (${tests.join(', ')})`;
  const actions: string[] = [];
  const { markRead, flag, forwardTo, moveTo, stop } = filter.actions;
  if (markRead || flag) {
    needs.add('imap4flags');
    const flags = [markRead ? '\\Seen' : null, flag ? '\\Flagged' : null].filter((f) => f !== null);
    actions.push(`addflag ${stringList(flags)};`);
  }
  if (forwardTo) {
    needs.add('copy');
    actions.push(`redirect :copy ${str(forwardTo)};`);
  }
  if (moveTo) {
    needs.add('fileinto');
    actions.push(`fileinto ${str(moveTo)};`);
  }
  // Flags accumulate over the filters that match, and apply to wherever the message ends up
  // (fileinto, or the implicit keep in Hộp thư đến).
  if (stop) actions.push('stop;');
  return [`# filter: ${oneLine(filter.name)}`, `if ${test} {`, ...actions.map((a) => `  ${a}`), '}'].join(
    '\n',
  );
}

function conditionTest(condition: FilterCondition, needs: Set<string>): string {
  switch (condition.kind) {
    case 'from':
      return textTest(['from'], condition.text, needs);
    case 'toCc':
      return textTest(['to', 'cc'], condition.text, needs);
    case 'subject':
      return textTest(['subject'], condition.text, needs);
    case 'sizeOver':
      return `size :over ${condition.kilobytes}K`;
    case 'hasAttachment':
      needs.add('mime');
      return 'header :mime :anychild :contains "Content-Disposition" "attachment"';
  }
}

/** Header text without regard to tones or case (see tone-pattern.ts for why a regex). */
function textTest(headers: string[], text: string, needs: Set<string>): string {
  needs.add('regex');
  return `header :regex :comparator "i;ascii-casemap" ${stringList(headers)} ${str(toneInsensitivePattern(text))}`;
}

/** A Sieve quoted string: backslash and double quote escaped (RFC 5228 §2.4.2). */
function str(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function stringList(values: string[]): string {
  return `[${values.map(str).join(', ')}]`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
