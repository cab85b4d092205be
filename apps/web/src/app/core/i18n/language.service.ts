import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LANGUAGE, Language, isLanguage } from './language';

const STORAGE_KEY = 'eoffice.language';

/** Owns the interface language: the translation tables, the `<html lang>` and the remembered choice. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly state = signal<Language>(DEFAULT_LANGUAGE);

  readonly current = this.state.asReadonly();

  /** Loads the remembered language (or Vietnamese) before the first screen is drawn. */
  async initialise(): Promise<void> {
    await this.use(this.remembered() ?? DEFAULT_LANGUAGE);
  }

  async use(language: Language): Promise<void> {
    await firstValueFrom(this.translate.use(language));
    this.state.set(language);
    this.document.documentElement.lang = language;
    this.remember(language);
  }

  private remembered(): Language | null {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isLanguage(stored) ? stored : null;
    } catch {
      // storage can be switched off by policy; the default language is then used every time
      return null;
    }
  }

  private remember(language: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // see remembered()
    }
  }
}
