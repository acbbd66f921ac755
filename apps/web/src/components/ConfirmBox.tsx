import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

export interface Confirmation {
  asking: boolean;
  /** The button that asks: the focus comes back to it when the reader says no. */
  trigger: RefObject<HTMLButtonElement | null>;
  ask(): void;
  /** The reader said no. */
  cancel(): void;
  /** The action ran: nothing to go back to. */
  close(): void;
}

/** A destructive action asked twice: the question replaces its button, and "no" puts the button back, focused. */
export function useConfirmation(): Confirmation {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);
  useEffect(() => {
    if (!asking && returning.current) {
      returning.current = false;
      trigger.current?.focus();
    }
  }, [asking]);
  return {
    asking,
    trigger,
    ask: useCallback(() => setAsking(true), []),
    cancel: useCallback(() => {
      returning.current = true;
      setAsking(false);
    }, []),
    close: useCallback(() => setAsking(false), []),
  };
}

interface Props {
  id: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Danger (the default) for a step that takes something away; primary for one that grants. */
  tone?: 'danger' | 'primary';
}

/** The question and its two answers; it takes the focus when it appears, so the question is read first. */
export function ConfirmBox({ id, question, confirmLabel, cancelLabel, busy, onConfirm, onCancel, tone = 'danger' }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="confirm-box" role="group" tabIndex={-1} aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <div className="d-flex flex-wrap gap-2">
        <button type="button" className={`btn btn-${tone}`} disabled={busy} onClick={onConfirm}>
          {busy ? t('common.sending') : confirmLabel}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

interface ConfirmedButtonProps {
  id: string;
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  /** The step itself; the question closes when it settles. */
  onConfirm: () => Promise<unknown>;
  className?: string;
  describedBy?: string;
}

/** A step that cannot be undone, asked twice: the question replaces the button until it is answered. */
export function ConfirmedButton({ id, label, question, confirmLabel, cancelLabel, busy, onConfirm, className = 'btn btn-primary', describedBy }: ConfirmedButtonProps) {
  const confirmation = useConfirmation();
  if (confirmation.asking) {
    return (
      <ConfirmBox id={id} question={question} confirmLabel={confirmLabel} cancelLabel={cancelLabel} busy={busy} onConfirm={() => void onConfirm().finally(confirmation.close)} onCancel={confirmation.cancel} />
    );
  }
  return (
    <button ref={confirmation.trigger} type="button" className={className} disabled={busy} aria-describedby={describedBy} onClick={confirmation.ask}>
      {label}
    </button>
  );
}
