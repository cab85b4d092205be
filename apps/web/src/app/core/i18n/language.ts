/** The languages the interface speaks. Vietnamese is the agency's working language, English the second. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A label the contracts give in both languages, e.g. `ROLE_LABELS.clerk`. */
export interface BilingualLabel {
  vi: string;
  en: string;
}
