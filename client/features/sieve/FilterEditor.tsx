import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCondition, MailFilter } from '../../../common/contract';
import { useMailboxes } from '../../api/mailboxes';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { mailboxLabel } from '../mailbox/mailbox-name';
import { filterProblems } from './filter-drafts';

const KINDS: FilterCondition['kind'][] = ['from', 'toCc', 'subject', 'sizeOver', 'hasAttachment'];

function conditionOf(kind: FilterCondition['kind']): FilterCondition {
  if (kind === 'sizeOver') return { kind, kilobytes: 1024 };
  if (kind === 'hasAttachment') return { kind };
  return { kind, text: '' };
}

/** One filter: its conditions (all or any), its actions. Saving hands it back; the panel stores it. */
export function FilterEditor({
  initial,
  saving,
  error,
  onSave,
  onCancel,
}: {
  initial: MailFilter;
  saving: boolean;
  error: unknown;
  onSave: (filter: MailFilter) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const folders = useMailboxes().data ?? [];
  const [filter, setFilter] = useState(initial);
  const [tried, setTried] = useState(false);
  const actions = filter.actions;
  const setActions = (change: Partial<MailFilter['actions']>) =>
    setFilter((f) => ({ ...f, actions: { ...f.actions, ...change } }));
  const setCondition = (index: number, condition: FilterCondition) =>
    setFilter((f) => ({ ...f, conditions: f.conditions.map((c, i) => (i === index ? condition : c)) }));

  const problems = filterProblems(filter);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length) return;
    const name = filter.name.trim() || conditionSummary(filter.conditions[0]);
    onSave({ ...filter, name, actions: { ...actions, forwardTo: actions.forwardTo?.trim() || null } });
  };

  return (
    <form className="sieve-form filter-editor" onSubmit={submit} noValidate aria-label={t('filters.title')}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('filters.name')}</label>
        <input
          id={`${id}-name`}
          value={filter.name}
          maxLength={100}
          onChange={(e) => setFilter({ ...filter, name: e.target.value })}
        />
      </div>
      <fieldset className="filter-group">
        <legend>{t('filters.conditions')}</legend>
        <select
          aria-label={t('filters.conditions')}
          value={filter.match}
          onChange={(e) => setFilter({ ...filter, match: e.target.value as MailFilter['match'] })}
        >
          <option value="all">{t('filters.matchAll')}</option>
          <option value="any">{t('filters.matchAny')}</option>
        </select>
        {filter.conditions.map((condition, index) => (
          // Conditions have no identity of their own; their place in the list is what they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div className="filter-condition" key={index}>
            <select
              aria-label={t('filters.conditions')}
              value={condition.kind}
              onChange={(e) => setCondition(index, conditionOf(e.target.value as FilterCondition['kind']))}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`filters.kind.${k}`)}
                </option>
              ))}
            </select>
            {'text' in condition ? (
              <input
                aria-label={t(`filters.kind.${condition.kind}`)}
                value={condition.text}
                maxLength={200}
                aria-invalid={tried && !condition.text.trim() ? true : undefined}
                onChange={(e) => setCondition(index, { ...condition, text: e.target.value })}
              />
            ) : condition.kind === 'sizeOver' ? (
              <input
                aria-label={t('filters.kind.sizeOver')}
                type="number"
                min={1}
                value={condition.kilobytes}
                onChange={(e) =>
                  setCondition(index, {
                    kind: 'sizeOver',
                    kilobytes: Math.max(1, Number(e.target.value) || 1),
                  })
                }
              />
            ) : (
              <span />
            )}
            <button
              type="button"
              className="link-button"
              disabled={filter.conditions.length === 1}
              aria-label={t('filters.removeCondition')}
              onClick={() =>
                setFilter({ ...filter, conditions: filter.conditions.filter((_, i) => i !== index) })
              }
            >
              ✕
            </button>
          </div>
        ))}
        {filter.conditions.length < 10 ? (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              setFilter({ ...filter, conditions: [...filter.conditions, conditionOf('subject')] })
            }
          >
            + {t('filters.addCondition')}
          </button>
        ) : null}
        <p className="sieve-hint">{t('filters.toneNote')}</p>
      </fieldset>
      <fieldset className="filter-group">
        <legend>{t('filters.actions')}</legend>
        <div className="field">
          <label htmlFor={`${id}-move`}>{t('filters.moveTo')}</label>
          <select
            id={`${id}-move`}
            value={actions.moveTo ?? ''}
            onChange={(e) => setActions({ moveTo: e.target.value || null })}
          >
            <option value="">{t('filters.keepInInbox')}</option>
            {folders
              .filter((f) => f.specialUse !== 'inbox' && f.specialUse !== 'drafts')
              .map((f) => (
                <option key={f.path} value={f.path}>
                  {mailboxLabel(f, t)}
                </option>
              ))}
          </select>
        </div>
        <label className="sieve-check">
          <input
            type="checkbox"
            checked={actions.markRead}
            onChange={(e) => setActions({ markRead: e.target.checked })}
          />
          {t('filters.markRead')}
        </label>
        <label className="sieve-check">
          <input
            type="checkbox"
            checked={actions.flag}
            onChange={(e) => setActions({ flag: e.target.checked })}
          />
          {t('filters.flag')}
        </label>
        <div className="field">
          <label htmlFor={`${id}-forward`}>{t('filters.forwardTo')}</label>
          <input
            id={`${id}-forward`}
            type="email"
            value={actions.forwardTo ?? ''}
            aria-describedby={`${id}-forward-hint`}
            onChange={(e) => setActions({ forwardTo: e.target.value })}
          />
          <p id={`${id}-forward-hint`} className="sieve-hint">
            {t('filters.forwardHint')}
          </p>
        </div>
        <label className="sieve-check">
          <input
            type="checkbox"
            checked={actions.stop}
            onChange={(e) => setActions({ stop: e.target.checked })}
          />
          {t('filters.stop')}
        </label>
      </fieldset>
      {tried && problems.length ? <Banner tone="error">{problems.map((p) => t(p)).join(' ')}</Banner> : null}
      {error ? <Banner tone="error">{errorMessage(error)}</Banner> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('filters.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('sieve.save')}
        </button>
      </div>
    </form>
  );
}

function conditionSummary(condition: FilterCondition | undefined): string {
  if (!condition) return '…';
  if ('text' in condition) return condition.text.slice(0, 100);
  return condition.kind === 'sizeOver' ? `> ${condition.kilobytes} KB` : '📎';
}
