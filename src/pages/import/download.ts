import type { ExportedFile } from '../../core/export/export-events';

/** Hands an exported file to the browser as a download (a blob: link, revoked once used). */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
