import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitLevel, UnitNode } from '../../../../common/contract';
import { useCreateUnit, useUpdateUnit } from '../../../api/console-units';
import { FormError } from '../../../ui/ErrorText';
import { useToasts } from '../../../ui/toast-store';
import { UnitOptions } from '../UnitOptions';

const LEVELS: UnitLevel[] = ['province', 'department', 'district', 'division', 'commune'];

/** Adds a unit (with a code) or edits one (the code stays: addresses carry it). */
export function UnitForm({
  units,
  editing,
  parentCode,
  onDone,
}: {
  units: UnitNode[];
  editing: UnitNode | null;
  parentCode: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const show = useToasts((s) => s.show);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const parent = units.find((u) => u.code === (editing?.parentCode ?? parentCode));
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [parentValue, setParent] = useState(editing ? (editing.parentCode ?? '') : (parentCode ?? ''));
  const [level, setLevel] = useState<UnitLevel>(
    editing?.level ?? (parent?.level === 'province' ? 'department' : parent ? 'division' : 'department'),
  );
  const [mailbox, setMailbox] = useState(editing?.mailbox ?? '');
  const [website, setWebsite] = useState(editing?.website ?? '');
  const mutation = editing ? update : create;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name, parentCode: parentValue || null, level, mailbox, website };
    const done = (saved: UnitNode) => {
      show({ message: t('console.units.form.saved', { code: saved.code }) });
      onDone();
    };
    if (editing) update.mutate({ code: editing.code, ...body }, { onSuccess: done });
    else create.mutate({ code, ...body }, { onSuccess: done });
  };

  return (
    <form className="console-form console-card" onSubmit={submit} aria-labelledby="unit-form-title">
      <h2 id="unit-form-title">
        {editing
          ? t('console.units.form.editTitle', { code: editing.code })
          : t('console.units.form.createTitle')}
      </h2>
      {!editing && (
        <label>
          {t('console.units.form.code')}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
            maxLength={30}
            autoComplete="off"
          />
          <span className="hint">{t('console.units.form.codeHint')}</span>
        </label>
      )}
      <label>
        {t('console.units.form.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} />
      </label>
      <div className="row">
        <label>
          {t('console.units.form.parent')}
          <select value={parentValue} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('console.units.form.noParent')}</option>
            <UnitOptions units={units.filter((u) => u.code !== editing?.code)} />
          </select>
        </label>
        <label>
          {t('console.units.form.level')}
          <select value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`console.units.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t('console.units.form.mailbox')}
          <input value={mailbox} onChange={(e) => setMailbox(e.target.value)} type="email" maxLength={300} />
        </label>
        <label>
          {t('console.units.form.website')}
          <input value={website} onChange={(e) => setWebsite(e.target.value)} type="url" maxLength={300} />
        </label>
      </div>
      <FormError error={mutation.error} />
      <div className="console-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('console.units.form.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('console.units.form.cancel')}
        </button>
      </div>
    </form>
  );
}
