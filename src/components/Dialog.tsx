import { createUniqueId, onCleanup, onMount, type JSX } from 'solid-js';

export interface DialogProps {
  /** The dialog's accessible name, shown as its heading. */
  readonly title: string;
  /** Called when the user dismisses the dialog (Escape, backdrop click or a Cancel button). */
  readonly onClose: () => void;
  readonly children: JSX.Element;
  /** `alertdialog` for confirmations that need an answer. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly class?: string;
}

/**
 * A modal built on the native <dialog>: focus is trapped and restored by the browser, Escape closes it,
 * and it is named by its heading. Render it conditionally (<Show>) — it opens on mount.
 */
export function Dialog(props: DialogProps): JSX.Element {
  const headingId = createUniqueId();
  let element: HTMLDialogElement | undefined;
  const previouslyFocused = typeof document === 'undefined' ? null : document.activeElement;

  onMount(() => {
    element?.showModal();
  });
  onCleanup(() => {
    element?.close();
    if (previouslyFocused instanceof HTMLElement) previouslyFocused.focus();
  });

  return (
    <dialog
      ref={element}
      class={`dialog ${props.class ?? ''}`}
      role={props.role ?? 'dialog'}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === element) props.onClose();
      }}
    >
      <h2 id={headingId} class="dialog__title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
