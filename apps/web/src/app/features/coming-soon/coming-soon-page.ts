import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { PageHeader } from '../../shared/page-header/page-header';

interface ComingSoonData {
  /** translation key of the feature's name */
  feature: string;
  icon: string;
}

/** Stands in for a feature that a later step builds, so the navigation is complete from day one. */
@Component({
  selector: 'app-coming-soon-page',
  imports: [MatCardModule, MatIconModule, MatButtonModule, RouterLink, TranslatePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (data(); as feature) {
      <app-page-header [heading]="feature.feature | translate" />
      <mat-card appearance="outlined" class="notice">
        <mat-icon class="icon" aria-hidden="true">{{ feature.icon }}</mat-icon>
        <h2>{{ 'comingSoon.heading' | translate }}</h2>
        <p>{{ 'comingSoon.message' | translate: { feature: (feature.feature | translate) } }}</p>
        <a mat-stroked-button routerLink="/desk">
          <mat-icon>space_dashboard</mat-icon>
          {{ 'comingSoon.backToDesk' | translate }}
        </a>
      </mat-card>
    }
  `,
  styles: `
    .notice { display: flex; flex-direction: column; align-items: center; text-align: center; padding: 48px 24px; gap: 4px; }
    .icon { font-size: 56px; width: 56px; height: 56px; color: var(--mat-sys-primary); }
    h2 { margin: 12px 0 0; font: var(--mat-sys-title-large); }
    p { max-width: 520px; color: var(--mat-sys-on-surface-variant); margin: 8px 0 20px; }
  `,
})
export class ComingSoonPage {
  protected readonly data = toSignal(inject(ActivatedRoute).data.pipe(map((data) => data as ComingSoonData)));
}
