import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';

/**
 * Route titles are translation keys; this turns them into the window title and keeps it in the
 * current language when the user switches.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly translate = inject(TranslateService);
  private titleKey: string | undefined;

  constructor() {
    super();
    this.translate.onLangChange.subscribe(() => this.render());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.titleKey = this.buildTitle(snapshot);
    this.render();
  }

  private render(): void {
    const application = this.translate.instant('app.name') as string;
    const page = this.titleKey ? (this.translate.instant(this.titleKey) as string) : '';
    this.title.setTitle(page ? `${page} · ${application}` : application);
  }
}
