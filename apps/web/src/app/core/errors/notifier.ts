import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import { LanguageService } from '../i18n/language.service';
import { describeError } from './error-message';

/** Short messages at the bottom of the screen: confirmations and failures nobody shows inline. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  success(translationKey: string, parameters?: Record<string, unknown>): void {
    this.snackBar.open(this.translate.instant(translationKey, parameters) as string, this.closeLabel(), {
      duration: 4000,
      panelClass: 'notice-success',
    });
  }

  error(error: unknown): void {
    this.snackBar.open(this.errorText(error), this.closeLabel(), { duration: 8000, panelClass: 'notice-error' });
  }

  /** The user-facing sentence for a failure, in the current language; for inline error blocks. */
  errorText(error: unknown): string {
    const description = describeError(error, this.language.current());
    return description.kind === 'text' ? description.text : (this.translate.instant(description.translationKey) as string);
  }

  private closeLabel(): string {
    return this.translate.instant('common.close') as string;
  }
}
