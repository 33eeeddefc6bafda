import { createSignal, type Accessor } from 'solid-js';
import { putInInbox } from '../../core/pwa/import-inbox';
import { ImportSource, importUrl } from '../../core/pwa/launch-routes';

export interface IcsDrop {
  /** A file is being dragged over the agenda. */
  readonly active: Accessor<boolean>;
  readonly onDragOver: (event: DragEvent) => void;
  readonly onDragLeave: (event: DragEvent) => void;
  readonly onDrop: (event: DragEvent) => void;
}

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;

/**
 * Dropping an .ics file on the agenda: the file goes to the import inbox (the same handoff as a
 * shared or opened file, src/core/pwa/import-inbox.ts) and the import screen shows its preview.
 * Drags inside FullCalendar carry no files and are left alone.
 */
export function createIcsDrop(navigate: (path: string) => void, onError: (error: unknown) => void): IcsDrop {
  const [active, setActive] = createSignal(false);
  return {
    active,
    onDragOver: (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setActive(true);
    },
    onDragLeave: (event) => {
      if (event.currentTarget === event.target || event.relatedTarget === null) setActive(false);
    },
    onDrop: (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setActive(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      putInInbox(caches, files, ImportSource.file, Date.now())
        .then(() => {
          navigate(importUrl(ImportSource.file));
        })
        .catch(onError);
    },
  };
}
