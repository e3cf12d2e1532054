import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { folderPathProblem, type Mailbox } from '../../../common/contract';
import { useCreateFolder, useRenameFolder } from '../../api/folders';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { mailboxDepth, mailboxLabel } from './mailbox-name';

/** Create a folder (optionally inside another) or rename one; the server has the last word on names. */
export function FolderDialog({
  mode,
  folders,
  folder,
  onDone,
  onCancel,
}: {
  mode: 'create' | 'rename';
  folders: Mailbox[];
  /** The folder renamed (rename) or the suggested parent (create). */
  folder?: Mailbox | undefined;
  onDone: (path: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const create = useCreateFolder();
  const rename = useRenameFolder();
  const delimiter = folders[0]?.delimiter || '/';
  const [name, setName] = useState(mode === 'rename' ? (folder?.displayName ?? '') : '');
  const [parent, setParent] = useState(mode === 'rename' ? (folder?.parent ?? '') : (folder?.path ?? ''));
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const mutation = mode === 'create' ? create : rename;

  // A rename starts with the old name selected, ready to be typed over.
  useEffect(() => input.current?.select(), []);

  const clean = name.normalize('NFC').trim();
  // The name is one level: a "/" typed in it would silently create a subfolder.
  const problem = clean.includes(delimiter) ? 'invalid' : folderPathProblem(clean, delimiter);
  const path = parent ? `${parent}${delimiter}${clean}` : clean;
  const parents = folders.filter(
    (f) =>
      !f.specialUse &&
      (mode === 'create' ||
        (folder && f.path !== folder.path && !f.path.startsWith(`${folder.path}${delimiter}`))),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem) return;
    const onSuccess = (result: { path: string }) => onDone(result.path);
    if (mode === 'create') create.mutate(path, { onSuccess });
    else if (folder) rename.mutate({ path: folder.path, newPath: path }, { onSuccess });
  };

  return (
    <Dialog
      title={
        mode === 'create'
          ? t('folders.createTitle')
          : t('folders.renameTitle', { name: folder ? mailboxLabel(folder, t) : '' })
      }
      initialFocus={input}
      onClose={onCancel}
    >
      <form onSubmit={submit} noValidate>
        <label className="field" htmlFor={`${id}-name`}>
          <span>{t('folders.name')}</span>
          <input
            id={`${id}-name`}
            ref={input}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={touched && problem ? true : undefined}
            aria-describedby={touched && problem ? `${id}-problem` : undefined}
          />
        </label>
        <label className="field" htmlFor={`${id}-parent`}>
          <span>{t('folders.parent')}</span>
          <select id={`${id}-parent`} value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('folders.parentNone')}</option>
            {parents.map((f) => (
              <option key={f.path} value={f.path}>
                {'\u00a0'.repeat(mailboxDepth(f) * 2)}
                {mailboxLabel(f, t)}
              </option>
            ))}
          </select>
        </label>
        {touched && problem ? (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {t(problem === 'empty' ? 'folders.nameEmpty' : 'errors.folder_name_invalid')}
          </p>
        ) : null}
        {mutation.isError ? (
          <p className="field-error" role="alert">
            {errorMessage(mutation.error)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mode === 'create' ? t('folders.create') : t('folders.rename')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
