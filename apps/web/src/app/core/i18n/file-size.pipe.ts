import { Pipe, PipeTransform } from '@angular/core';
import { Language } from './language';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** Bytes for people: `1,5 MB` in Vietnamese, `1.5 MB` in English. */
export function formatFileSize(bytes: number, language: Language): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(size);
  return `${number} ${UNITS[unit]}`;
}

@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  transform(bytes: number | null | undefined, language: Language): string {
    return bytes === null || bytes === undefined ? '' : formatFileSize(bytes, language);
  }
}
