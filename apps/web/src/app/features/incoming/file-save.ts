/**
 * Files come through HttpClient (the request needs the bearer token, a plain link would not carry
 * it) and are then handed to the browser as an object URL.
 */

/** How long an object URL stays alive: long enough for the browser to start the download or show the tab. */
const RELEASE_AFTER_MS = 60_000;

/** Saves a downloaded file under its original name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}

/**
 * Opens a tab at once, while the click still counts as the user's (a tab opened after the download
 * would be taken for a pop-up), and shows the file in it when it has arrived. Returns a callback for
 * the download's result: the blob to show, or null to close the tab after a failure.
 */
export function openBlobInNewTab(): (blob: Blob | null) => void {
  const tab = window.open('', '_blank');
  return (blob) => {
    if (!tab) return;
    if (!blob) {
      tab.close();
      return;
    }
    const url = URL.createObjectURL(blob);
    tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
  };
}

/** Types a browser tab shows by itself; others are only offered for download. */
export function opensInBrowser(mediaType: string): boolean {
  return mediaType === 'application/pdf' || mediaType.startsWith('image/') || mediaType === 'text/plain';
}

/** A Material Symbols icon for a file's type. */
export function fileIcon(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'picture_as_pdf';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.includes('spreadsheet') || mediaType.includes('excel')) return 'table_chart';
  if (mediaType.includes('presentation') || mediaType.includes('powerpoint')) return 'slideshow';
  if (mediaType === 'application/zip') return 'folder_zip';
  return 'description';
}
