import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslatePipe } from '@ngx-translate/core';
import { LANGUAGES, Language } from '../../core/i18n/language';
import { LanguageService } from '../../core/i18n/language.service';

/** A button with the current language code that opens the list of languages. */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button class="switch" [matMenuTriggerFor]="menu" data-testid="language-switch" [attr.aria-label]="'language.choose' | translate">
      <mat-icon>translate</mat-icon>
      <span class="code">{{ language.current() }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (option of languages; track option) {
        <button mat-menu-item [attr.data-testid]="'language-' + option" [attr.lang]="option" (click)="choose(option)">
          <mat-icon>{{ option === language.current() ? 'check' : '' }}</mat-icon>
          <span>{{ 'language.names.' + option | translate }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .switch { min-width: 0; padding-inline: 8px; }
    .code { text-transform: uppercase; font-weight: 600; }
  `,
})
export class LanguageSwitch {
  protected readonly language = inject(LanguageService);
  protected readonly languages = LANGUAGES;

  protected choose(language: Language): void {
    void this.language.use(language);
  }
}
