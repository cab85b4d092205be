import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { EmptyState } from '../../shared/empty-state/empty-state';

@Component({
  selector: 'app-not-found-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-empty-state icon="explore_off" [message]="'notFound.message' | translate">
      <a mat-stroked-button routerLink="/desk" class="back">{{ 'comingSoon.backToDesk' | translate }}</a>
    </app-empty-state>
  `,
  styles: `.back { margin-top: 16px; }`,
})
export class NotFoundPage {}
