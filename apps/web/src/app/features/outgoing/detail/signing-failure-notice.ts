import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { SigningFailure } from './signing-failure';

/** A refused signature, said plainly above the passphrase: the server's sentence, and what to do next. */
@Component({
  selector: 'app-signing-failure-notice',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let failed = failure();
    <div class="notice" role="alert" [attr.data-kind]="failed.kind" data-testid="signing-failure">
      <mat-icon aria-hidden="true">{{ failed.kind === 'locked' ? 'lock_clock' : failed.kind === 'wrong_passphrase' ? 'key_off' : 'error' }}</mat-icon>
      <div>
        <strong>{{ 'outgoing.signing.failure.' + failed.kind | translate }}</strong>
        <p>{{ failed.message }}</p>
      </div>
      @if (failed.kind === 'conflict') {
        <button mat-button type="button" (click)="reload.emit()">{{ 'common.reload' | translate }}</button>
      }
    </div>
  `,
  styles: `
    .notice { display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); margin-bottom: 12px; }
    .notice p { margin: 2px 0 0; }
  `,
})
export class SigningFailureNotice {
  readonly failure = input.required<SigningFailure>();
  readonly reload = output<void>();
}
