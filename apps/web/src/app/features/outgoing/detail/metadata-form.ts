import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Confidentiality, DocumentTypeCode, OutgoingDocumentDto, Urgency } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { FieldMap, FieldMessage, applyServerErrors, messageFor, serverErrors } from '../../incoming/form-errors';
import { ClassificationFields } from '../classification-fields';
import { OutgoingApi } from '../outgoing-api';
import { Failure, failureOf } from './failure';

const FIELD_MAP: FieldMap = { subject: 'subject', recipientsText: 'recipientsText' };

/**
 * The drafter's edit of the draft's details while it is theirs (the signer and the chain are changed
 * on the chain; the recipients picked from the directory stay as chosen at creation).
 */
@Component({
  selector: 'app-outgoing-metadata-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, DialogError, ClassificationFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="outgoing-metadata-form">
      @if (failure(); as failed) {
        <app-dialog-error [message]="failed.message" [conflict]="failed.conflict" (reload)="reload.emit()" />
      }
      <app-outgoing-classification-fields [group]="form.controls.classification" />
      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ 'outgoing.fields.subject' | translate }}</mat-label>
        <textarea matInput formControlName="subject" rows="2" data-testid="metadata-subject"></textarea>
        @if (error('subject'); as message) {
          <mat-error>{{ message.key | translate: message.params }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ 'outgoing.fields.recipientsText' | translate }}</mat-label>
        <textarea matInput formControlName="recipientsText" rows="2"></textarea>
        @if (error('recipientsText'); as message) {
          <mat-error>{{ message.key | translate: message.params }}</mat-error>
        }
      </mat-form-field>
      <div class="buttons">
        <button mat-button type="button" (click)="closed.emit()">{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="metadata-save">{{ 'common.save' | translate }}</button>
      </div>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    .buttons { display: flex; justify-content: flex-end; gap: 8px; }
  `,
})
export class MetadataForm implements OnInit {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);

  readonly document = input.required<OutgoingDocumentDto>();
  readonly saved = output<void>();
  readonly closed = output<void>();
  readonly reload = output<void>();

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    classification: this.fb.group({
      documentType: this.fb.control<DocumentTypeCode>('official_letter', Validators.required),
      urgency: this.fb.control<Urgency>('normal'),
      confidentiality: this.fb.control<Confidentiality>('normal'),
    }),
    subject: this.fb.control('', [Validators.required, Validators.maxLength(1000)]),
    recipientsText: this.fb.control('', Validators.maxLength(2000)),
  });
  protected readonly busy = signal(false);
  protected readonly failure = signal<Failure | null>(null);

  ngOnInit(): void {
    const doc = this.document();
    this.form.setValue({
      classification: { documentType: doc.documentType, urgency: doc.urgency, confidentiality: doc.confidentiality },
      subject: doc.subject,
      recipientsText: doc.recipientsText ?? '',
    });
  }

  protected error(name: keyof typeof this.form.controls): FieldMessage | null {
    const control = this.form.controls[name];
    return control.touched || control.dirty ? messageFor(control.errors) : null;
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    const doc = this.document();
    this.busy.set(true);
    this.failure.set(null);
    this.api.update(doc.id, { ...value.classification, subject: value.subject.trim(), recipientsText: value.recipientsText.trim() || null, version: doc.version }).subscribe({
      next: () => {
        this.busy.set(false);
        this.saved.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const { fields } = serverErrors(error, FIELD_MAP, this.language.current());
        applyServerErrors(this.form.controls, fields);
        if (Object.keys(fields).length === 0) this.failure.set(failureOf(error, this.notifier));
      },
    });
  }
}
