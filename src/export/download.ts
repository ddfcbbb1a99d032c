/** Offers a file to the person: the browser's download, named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file name from a title: its letters kept (Vietnamese too, in NFC), characters file systems
 * refuse made spaces, at most 100 characters.
 * @example fileNameOf('Sơ đồ: vụ án', 'pdf') // 'Sơ đồ vụ án.pdf'
 */
export function fileNameOf(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 32)
    .join('')
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, 100);
  return `${base || 'caseboard'}.${extension}`;
}
