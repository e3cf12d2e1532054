import { type ReactNode, useCallback, useRef, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

interface Question {
  title: string;
  text: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
}

/** `await ask({...})` shows the confirmation dialog and resolves true only on "confirm". */
export function useConfirm() {
  const [question, setQuestion] = useState<Question | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback(
    (q: Question) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setQuestion(q);
      }),
    [],
  );
  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setQuestion(null);
  };
  const dialog = question ? (
    <ConfirmDialog
      title={question.title}
      confirmLabel={question.confirmLabel}
      cancelLabel={question.cancelLabel}
      danger
      onConfirm={() => answer(true)}
      onCancel={() => answer(false)}
    >
      {question.text}
    </ConfirmDialog>
  ) : null;
  return { ask, dialog };
}
