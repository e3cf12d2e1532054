import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewSheet } from '../../../common/contract/attachment-preview';
import { ConvertedDocument } from './ConvertedDocument';

/**
 * A workbook as tabs, one per sheet (the WAI-ARIA tabs pattern: arrows move between tabs), each
 * sheet's table in the sanitised frame, with a note when rows or columns were left out.
 */
export function WorkbookPreview({
  name,
  sheets,
  omittedSheets,
}: {
  name: string;
  sheets: PreviewSheet[];
  omittedSheets: number;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();
  const sheet = sheets[active];

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? sheets.length - 1
          : (active + step + sheets.length) % sheets.length;
    if (step === 0 && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    setActive(to);
    tabs.current[to]?.focus();
  };

  return (
    <div className="workbook-preview">
      <div className="sheet-tabs" role="tablist" aria-label={t('preview.sheets')} onKeyDown={onKeyDown}>
        {sheets.map((s, i) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: sheets never reorder, names may repeat
            key={i}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${id}-panel`}
            tabIndex={i === active ? 0 : -1}
            className="sheet-tab"
            onClick={() => setActive(i)}
          >
            {s.name}
          </button>
        ))}
      </div>
      {omittedSheets > 0 ? (
        <p className="small muted">{t('preview.sheetsOmitted', { count: omittedSheets })}</p>
      ) : null}
      {sheet ? (
        <div
          role="tabpanel"
          id={`${id}-panel`}
          aria-labelledby={`${id}-tab-${active}`}
          className="sheet-panel"
        >
          {sheet.shownRows < sheet.rows ? (
            <p className="preview-cap small">
              {t('preview.rowsShown', { shown: sheet.shownRows, total: sheet.rows })}
            </p>
          ) : null}
          {sheet.shownColumns < sheet.columns ? (
            <p className="preview-cap small">
              {t('preview.columnsShown', { shown: sheet.shownColumns, total: sheet.columns })}
            </p>
          ) : null}
          {sheet.rows === 0 ? (
            <p className="muted">{t('preview.emptySheet')}</p>
          ) : (
            <ConvertedDocument
              key={active}
              html={sheet.html}
              title={t('preview.documentFrame', { name: `${name} › ${sheet.name}` })}
            />
          )}
        </div>
      ) : null}
    </div>
  );
}
