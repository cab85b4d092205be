import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DocumentRegisterDto, OutgoingDocumentDto, OutgoingIssuancePreviewDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, of, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { OutgoingApi } from '../outgoing-api';
import { registersFor } from './issuance-registers';
import { PanelRequest } from './panel-request';
import { SigningFailure, signingFailureOf } from './signing-failure';
import { keyLock } from './key-lock';
import { SigningFailureNotice } from './signing-failure-notice';

/**
 * The clerk issues the signed document (cấp số, ban hành): chooses the outgoing register, sees the
 * number it will take, and applies the organisation's signature with the passphrase of its key.
 * The number is only taken when the signature succeeds.
 */
@Component({
  selector: 'app-outgoing-issue-panel',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe, SigningFailureNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="panel" data-testid="outgoing-issue">
      <h2><mat-icon aria-hidden="true">approval</mat-icon>{{ 'outgoing.issuing.title' | translate }}</h2>
      <p class="hint">{{ 'outgoing.issuing.hint' | translate }}</p>
      @if (failure(); as failed) {
        <app-signing-failure-notice [failure]="failed" (reload)="reload.emit()" />
      }
      <form (ngSubmit)="issue()">
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'outgoing.issuing.register' | translate }}</mat-label>
            <mat-select name="register" required [ngModel]="registerId()" (ngModelChange)="registerId.set($event)" data-testid="outgoing-issue-register">
              @for (register of registers(); track register.id) {
                <mat-option [value]="register.id">{{ register.code }} — {{ register.name }}</mat-option>
              }
            </mat-select>
            @if (!registers().length) {
              <mat-hint>{{ 'outgoing.issuing.noRegister' | translate }}</mat-hint>
            }
          </mat-form-field>
        </div>
        @if (preview(); as next) {
          <p class="next" data-testid="outgoing-issue-next" aria-live="polite">
            {{ 'outgoing.issuing.nextNumber' | translate }} <strong>{{ next.numberAndNotation }}</strong>
            <span class="hint">({{ 'outgoing.issuing.forecast' | translate: { year: next.year } }})</span>
          </p>
        }
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'outgoing.issuing.passphrase' | translate }}</mat-label>
            <input matInput type="password" name="passphrase" autocomplete="off" required maxlength="200" [(ngModel)]="passphrase" data-testid="outgoing-issue-passphrase" />
            <mat-icon matSuffix aria-hidden="true">key</mat-icon>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy() || !passphrase || !registerId() || locked()" data-testid="outgoing-issue-submit">
            <mat-icon>approval</mat-icon>{{ 'outgoing.issuing.issue' | translate }}
          </button>
        </div>
      </form>
    </mat-card>
  `,
  styleUrl: './signing-panel.scss',
})
export class IssuePanel {
  private readonly api = inject(OutgoingApi);
  private readonly directory = inject(ApiClient);
  private readonly notifier = inject(Notifier);

  readonly document = input.required<OutgoingDocumentDto>();
  readonly changed = output<void>();
  readonly reload = output<void>();

  private readonly allRegisters = signal<DocumentRegisterDto[]>([]);
  protected readonly registers = computed(() => registersFor(this.allRegisters(), this.document().confidentiality));
  protected readonly registerId = linkedSignal(() => this.registers()[0]?.id ?? null);
  protected readonly preview = signal<OutgoingIssuancePreviewDto | null>(null);
  protected passphrase = '';
  protected readonly failure = linkedSignal<OutgoingDocumentDto, SigningFailure | null>({ source: this.document, computation: () => null });
  protected readonly locked = keyLock(this.failure);
  private readonly request = new PanelRequest(this.failure, (error) => signingFailureOf(error, this.notifier));
  protected readonly busy = this.request.busy;

  constructor() {
    this.directory.documentRegisters('outgoing').subscribe({ next: (registers) => this.allRegisters.set(registers), error: (error: unknown) => this.notifier.error(error) });
    // the number follows the register chosen (and the document read again after someone else issued)
    toObservable(computed(() => ({ registerId: this.registerId(), document: this.document() })))
      .pipe(
        switchMap(({ registerId, document }) => (registerId ? this.api.issuancePreview(document.id, registerId).pipe(catchError(() => of(null))) : of(null))),
        takeUntilDestroyed(),
      )
      .subscribe((preview) => this.preview.set(preview));
  }

  protected issue(): void {
    const doc = this.document();
    const registerId = this.registerId();
    if (!this.passphrase || !registerId) return;
    this.request.run(
      this.api.issue(doc.id, { registerId, passphrase: this.passphrase, version: doc.version }),
      (issued) => {
        this.notifier.success('outgoing.issuing.issued', { number: issued.issuance?.numberAndNotation ?? '' });
        this.changed.emit();
      },
      () => (this.passphrase = ''),
    );
  }
}
