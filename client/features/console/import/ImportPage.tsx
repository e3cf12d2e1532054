import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCreateRow, ImportPreview } from '../../../../common/contract';
import { useImportCreate, useImportPreview, useImportUnits } from '../../../api/console-import';
import { usePublicConfig } from '../../../api/public-config';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/ErrorText';
import { ImportPreviewTable, initialChoice, isOverridden, type RowChoice } from './ImportPreviewTable';
import { ImportResult } from './ImportResult';
import './import.css';

/**
 * Bulk import of a unit's staff list (issue 6): choose the file → preview (nothing created) →
 * keep, rename with a reason → create after a confirmation → the result and its handover file.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const units = useImportUnits();
  const preview = useImportPreview();
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const create = useImportCreate((done, total) => setProgress({ done, total }));
  const [file, setFile] = useState<File | null>(null);
  const [defaultUnit, setDefaultUnit] = useState('');
  const [requestId, setRequestId] = useState('');
  const [choices, setChoices] = useState(new Map<number, RowChoice>());
  const [confirming, setConfirming] = useState(false);

  const unitNames = useMemo(
    () => new Map((units.data?.units ?? []).map((u) => [u.code, u.name])),
    [units.data],
  );
  const data: ImportPreview | undefined = preview.data;
  const rows = data?.rows ?? [];
  const choiceOf = (line: number) => {
    const row = rows.find((r) => r.line === line);
    return choices.get(line) ?? (row ? initialChoice(row) : undefined);
  };
  const kept = rows.filter((r) => r.status !== 'bad' && choiceOf(r.line)?.keep);
  const missingReason = kept.some((r) => {
    const c = choiceOf(r.line)!;
    return isOverridden(r, c) && c.reason.trim() === '';
  });
  const counts = { ok: 0, warn: 0, bad: 0 };
  for (const r of rows) counts[r.status]++;

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    create.reset();
    setChoices(new Map());
    preview.mutate({ file, defaultUnit });
  };

  const onCreate = () => {
    const request: ImportCreateRow[] = kept.map((r) => {
      const c = choiceOf(r.line)!;
      const overridden = isOverridden(r, c);
      return {
        line: r.line,
        fullName: r.fullName,
        unitCode: r.unitCode!,
        title: r.title || null,
        ...(overridden ? { local: c.local.trim(), overrideReason: c.reason.trim() } : {}),
      };
    });
    create.mutate(
      { rows: request, requestId: requestId ? Number(requestId) : null },
      { onSettled: () => setConfirming(false) },
    );
  };

  const startAgain = () => {
    create.reset();
    preview.reset();
    setFile(null);
    setChoices(new Map());
  };

  if (create.data) {
    return (
      <>
        <h1 className="console-title">{t('console.import.title')}</h1>
        <ImportResult result={create.data} unitNames={unitNames} onAgain={startAgain} />
      </>
    );
  }

  return (
    <>
      <h1 className="console-title">{t('console.import.title')}</h1>
      <p className="hint import-intro">{t('console.import.intro')}</p>
      <form className="console-filters import-form" onSubmit={onPreview}>
        <label>
          {t('console.import.file')}
          <input
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label>
          {t('console.import.defaultUnit')}
          <select value={defaultUnit} onChange={(e) => setDefaultUnit(e.target.value)}>
            <option value="">{t('console.import.noDefaultUnit')}</option>
            {(units.data?.units ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {`${'\u00a0'.repeat(u.depth * 2)}${u.name} (${u.code})`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={!file || preview.isPending}>
          {preview.isPending ? t('console.import.previewing') : t('console.import.preview')}
        </button>
      </form>
      <p className="hint">{t('console.import.fileHint')}</p>
      <FormError error={preview.error} />

      {data && (
        <section aria-labelledby="import-preview-title">
          <h2 id="import-preview-title" className="import-subtitle">
            {data.format === 'xlsx'
              ? t('console.import.source.xlsx', { sheet: data.sheet })
              : t('console.import.source.csv', { encoding: data.encoding })}
          </h2>
          <p role="status">{t('console.import.summary', { total: rows.length, ...counts })}</p>
          <div className="import-scroll">
            <ImportPreviewTable
              rows={rows}
              choices={choices}
              domain={config.data?.mailDomain ?? ''}
              onChange={(line, choice) => setChoices((m) => new Map(m).set(line, choice))}
            />
          </div>
          <div className="console-actions import-actions">
            <label className="import-request">
              {t('console.import.requestId')}
              <input
                type="number"
                min={1}
                inputMode="numeric"
                value={requestId}
                onChange={(e) => setRequestId(e.target.value)}
              />
            </label>
            <button
              type="button"
              className="button button-primary"
              disabled={kept.length === 0 || missingReason || create.isPending}
              onClick={() => setConfirming(true)}
            >
              {t('console.import.create', { count: kept.length })}
            </button>
            {missingReason && <span className="form-error">{t('console.import.reasonMissing')}</span>}
          </div>
          <FormError error={create.error} />
        </section>
      )}

      {confirming && (
        <ConfirmDialog
          title={t('console.import.confirmTitle', { count: kept.length })}
          confirmLabel={
            create.isPending ? t('console.import.creating', progress) : t('console.import.confirm')
          }
          cancelLabel={t('console.import.cancel')}
          busy={create.isPending}
          onConfirm={onCreate}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('console.import.confirmText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
