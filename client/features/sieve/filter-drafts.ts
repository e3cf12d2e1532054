import type { Address, FilterActions, MailFilter } from '../../../common/contract';

const NO_ACTIONS: FilterActions = {
  moveTo: null,
  markRead: false,
  flag: false,
  forwardTo: null,
  stop: false,
};

/** A fresh id for a filter: short, in the contract's alphabet, unique enough within one user's list. */
export function newFilterId(now: number = Date.now(), random: number = Math.random()): string {
  return `f-${now.toString(36)}-${Math.floor(random * 36 ** 4).toString(36)}`;
}

export function blankFilter(id: string = newFilterId()): MailFilter {
  return {
    id,
    name: '',
    enabled: true,
    match: 'all',
    conditions: [{ kind: 'subject', text: '' }],
    actions: NO_ACTIONS,
  };
}

/**
 * "Lọc thư như thế này": a filter on the open message's sender (its address, which is what stays
 * the same from one message to the next), named after the sender; the user adds the subject or an
 * action before saving.
 */
export function filterFromMessage(
  message: { from: Address | null; subject: string },
  name: (sender: string) => string,
  id: string = newFilterId(),
): MailFilter {
  const sender = message.from?.address ?? '';
  return {
    ...blankFilter(id),
    name: name(message.from?.name || sender).slice(0, 100),
    conditions: sender
      ? [{ kind: 'from', text: sender }]
      : [{ kind: 'subject', text: message.subject.slice(0, 200) }],
  };
}

/** Problems that keep a filter from being saved, as catalogue keys (none: it can be saved). */
export function filterProblems(filter: MailFilter): string[] {
  const problems: string[] = [];
  if (filter.conditions.some((c) => 'text' in c && c.text.trim() === ''))
    problems.push('filters.needsCondition');
  const a = filter.actions;
  if (!a.moveTo && !a.markRead && !a.flag && !a.forwardTo?.trim()) problems.push('filters.needsAction');
  return problems;
}
