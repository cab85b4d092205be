import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { FormFailure } from './form-failure';

/**
 * The end of a panel form: what went wrong (beside the button the user just pressed), Cancel, and
 * the action's own button. The send button is a submit button, so Enter in a field sends too.
 */
@Component({
  selector: 'app-form-footer',
  imports: [MatButtonModule, MatIconModule, TranslatePipe, DialogError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failure(); as problem) {
      @if (problem.conflict || problem.message) {
        <app-dialog-error [message]="problem.message" [conflict]="problem.conflict" (reload)="reload.emit()" />
      }
    }
    <div class="actions">
      <button mat-button type="button" (click)="cancel.emit()">{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button type="submit" [disabled]="sending()" [class.danger]="danger()" [attr.data-testid]="testId()">
        <mat-icon>{{ icon() }}</mat-icon>
        {{ label() | translate }}
      </button>
    </div>
  `,
  styles: `
    :host { display: block; }
    .actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
    .danger { --mat-button-filled-container-color: var(--mat-sys-error); --mat-button-filled-label-text-color: var(--mat-sys-on-error); }
  `,
})
export class FormFooter {
  readonly failure = input<FormFailure | null>(null);
  readonly sending = input(false);
  /** a translation key */
  readonly label = input.required<string>();
  readonly icon = input('send');
  readonly danger = input(false);
  readonly testId = input<string | null>(null);
  readonly cancel = output<void>();
  readonly reload = output<void>();
}
