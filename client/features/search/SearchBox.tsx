import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchKeys } from '../../api/search';
import { SearchAdvancedPanel } from './SearchAdvancedPanel';
import { SearchIcon } from './SearchIcon';
import {
  advancedCount,
  type DraftProblem,
  draftToParams,
  emptyDraft,
  paramsToDraft,
  type SearchDraft,
} from './search-form';
import { useSearchStore } from './search-store';
import { useSearchUrl } from './use-search-url';
import './search.css';

/**
 * The search box of the top bar. Enter searches (all folders unless the panel says otherwise);
 * the button beside it opens the advanced panel. "/" focuses it (#search-input, wired by the
 * keyboard shortcuts); Escape closes the panel, then ends the search.
 */
export function SearchBox({
  currentMailbox,
  currentLabel,
}: {
  currentMailbox: string;
  currentLabel: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const active = useSearchStore((s) => s.active);
  const panelOpen = useSearchStore((s) => s.panelOpen);
  const { run, clear, setPanelOpen } = useSearchStore.getState();
  const [draft, setDraft] = useState<SearchDraft>(emptyDraft);
  const [problem, setProblem] = useState<DraftProblem | null>(null);

  // Leaving the mail screen (log-out, session end) ends the search.
  useEffect(() => () => useSearchStore.getState().clear(), []);
  useSearchUrl();
  // A search ended elsewhere ("back to the folder") empties the box too.
  useEffect(() => {
    if (!active) setDraft((d) => (d === emptyDraft ? d : emptyDraft));
    else setDraft(paramsToDraft(active));
  }, [active]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const result = draftToParams(draft, currentMailbox);
    if ('problem' in result) {
      // Enter in an empty box is "stop searching", not a mistake.
      if (result.problem.field === 'q' && !panelOpen) {
        endSearch();
        return;
      }
      setProblem(result.problem);
      setPanelOpen(true);
      return;
    }
    setProblem(null);
    // Searching again means now: no answer from a minute ago, and no pile of old result pages.
    queryClient.removeQueries({ queryKey: searchKeys.all });
    run(result.params);
  };

  const endSearch = () => {
    clear();
    setDraft(emptyDraft);
    setProblem(null);
  };

  const count = advancedCount(draft);
  return (
    <search className="search-box" aria-label={t('search.label')}>
      <form className="search-form" onSubmit={submit}>
        <span className="search-glyph">
          <SearchIcon name="search" />
        </span>
        <input
          id="search-input"
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            if (panelOpen) setPanelOpen(false);
            else endSearch();
          }}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
        />
        {active || draft.q ? (
          <button type="button" className="icon-button" aria-label={t('search.clear')} onClick={endSearch}>
            <SearchIcon name="close" />
          </button>
        ) : null}
        <button
          type="button"
          className="icon-button search-advanced-toggle"
          aria-label={t('search.advanced')}
          title={t('search.advanced')}
          aria-expanded={panelOpen}
          aria-controls="search-advanced"
          onClick={() => setPanelOpen(!panelOpen)}
        >
          <SearchIcon name="tune" />
          {count > 0 ? <span className="search-count">{count}</span> : null}
        </button>
      </form>
      {panelOpen ? (
        <SearchAdvancedPanel
          draft={draft}
          problem={problem}
          currentLabel={currentLabel}
          onChange={(next) => {
            setDraft(next);
            if (problem) setProblem(null);
          }}
          onSubmit={submit}
          onReset={() => {
            setDraft({ ...emptyDraft, q: draft.q });
            setProblem(null);
          }}
          onClose={() => setPanelOpen(false)}
        />
      ) : null}
    </search>
  );
}
