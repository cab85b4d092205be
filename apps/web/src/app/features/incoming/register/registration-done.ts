import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, input, output, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { DocumentRegisterDto, RegisterIncomingResult } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { DocumentMarks } from '../document-marks';
import { DuplicateWarning } from './duplicate-warning';

/**
 * The moment after "Vào sổ": the arrival number, large, to write on the paper copy, and the two ways
 * on. "Next" has the focus, so a clerk going through a pile only presses Enter.
 */
@Component({
  selector: 'app-registration-done',
  imports: [MatCardModule, MatButtonModule, MatIconModule, TranslatePipe, VietnamDatePipe, DocumentMarks, DuplicateWarning],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let document = result().document;
    <mat-card appearance="outlined" class="card" data-testid="registration-done">
      <div class="done" role="status">
        <mat-icon class="check" aria-hidden="true">check_circle</mat-icon>
        <span>{{ 'incoming.done.title' | translate }}</span>
      </div>
      <div class="stamp" data-testid="arrival-number">
        <span class="stamp-word">{{ 'incoming.done.stamp' | translate }}</span>
        <span class="stamp-label">{{ 'incoming.done.arrivalNumber' | translate }}</span>
        <span class="stamp-number">{{ document.arrivalNumber }}</span>
        <span class="stamp-date">{{ document.arrivedAt | vietnamDate: 'dateTime' }}</span>
      </div>
      @if (register(); as book) {
        <p class="register">{{ 'incoming.done.inRegister' | translate: { register: book.name, year: document.arrivalYear } }}</p>
      }
      <div class="summary">
        <div class="issuer">
          {{ document.issuerName }}
          @if (document.numberAndNotation) {
            <span class="notation">· {{ document.numberAndNotation }}</span>
          }
        </div>
        <p class="subject">{{ document.subject }}</p>
        <app-document-marks [urgency]="document.urgency" [confidentiality]="document.confidentiality" />
      </div>
      @if (result().possibleDuplicates.length > 0) {
        <app-duplicate-warning class="duplicates" [duplicates]="result().possibleDuplicates" [after]="true" />
      }
      <div class="actions">
        <button #next mat-flat-button type="button" (click)="registerNext.emit()" data-testid="register-next">
          <mat-icon>playlist_add</mat-icon>
          {{ 'incoming.done.next' | translate }}
        </button>
        <button mat-stroked-button type="button" (click)="view.emit()" data-testid="view-document">
          <mat-icon>visibility</mat-icon>
          {{ 'incoming.done.view' | translate }}
        </button>
      </div>
    </mat-card>
  `,
  styles: `
    .card { max-width: 640px; margin: 8px auto 0; padding: 32px 24px 24px; display: flex; flex-direction: column; align-items: center; text-align: center; }
    .done { display: flex; align-items: center; gap: 8px; font: var(--mat-sys-title-large); color: #1b7f3b; }
    .check { font-size: 30px; width: 30px; height: 30px; }
    .stamp {
      display: grid; justify-items: center; margin: 20px 0 8px; padding: 10px 36px 12px; min-width: 200px;
      border: 3px solid #c62828; border-radius: 10px; color: #c62828; transform: rotate(-2deg);
    }
    .stamp-word { font-weight: 700; letter-spacing: 0.3em; font-size: 18px; border-bottom: 2px solid currentColor; padding: 0 8px 2px; }
    .stamp-label { margin-top: 6px; font-size: 14px; font-weight: 600; }
    .stamp-number { font-size: 72px; line-height: 1; font-weight: 700; font-variant-numeric: tabular-nums; }
    .stamp-date { font-size: 14px; font-weight: 500; margin-top: 4px; }
    .register { margin: 4px 0 0; color: var(--mat-sys-on-surface-variant); }
    .summary { margin-top: 16px; padding-top: 16px; border-top: 1px solid var(--mat-sys-outline-variant); width: 100%; }
    .issuer { font-weight: 600; }
    .notation { font-weight: 500; color: var(--mat-sys-on-surface-variant); }
    .subject { margin: 4px 0 8px; }
    .duplicates { margin-top: 12px; text-align: start; width: 100%; box-sizing: border-box; }
    .actions { display: flex; flex-wrap: wrap; justify-content: center; gap: 12px; margin-top: 24px; }
  `,
})
export class RegistrationDone {
  readonly result = input.required<RegisterIncomingResult>();
  readonly register = input<DocumentRegisterDto | null>(null);
  readonly registerNext = output<void>();
  readonly view = output<void>();
  private readonly next = viewChild.required('next', { read: ElementRef<HTMLButtonElement> });

  constructor() {
    afterNextRender(() => this.next().nativeElement.focus());
  }
}
