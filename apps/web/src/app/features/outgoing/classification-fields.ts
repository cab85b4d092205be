import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { CONFIDENTIALITIES, CONFIDENTIALITY_LABELS, Confidentiality, DOCUMENT_TYPES, DocumentTypeCode, URGENCIES, URGENCY_LABELS, Urgency } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../core/i18n/localized-label.pipe';

/** The controls this row edits, in whichever form holds them (the new draft, the edit of its details). */
export type ClassificationGroup = FormGroup<{
  documentType: FormControl<DocumentTypeCode>;
  urgency: FormControl<Urgency>;
  confidentiality: FormControl<Confidentiality>;
}>;

/** Loại văn bản, độ khẩn, độ mật: one row of three selects, labelled from the contracts (vi/en). */
@Component({
  selector: 'app-outgoing-classification-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, TranslatePipe, LocalizedLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row" [formGroup]="group()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'outgoing.fields.documentType' | translate }}</mat-label>
        <mat-select formControlName="documentType" data-testid="field-document-type">
          @for (type of types; track type.code) {
            <mat-option [value]="type.code">{{ type | localizedLabel: language.current() }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'outgoing.fields.urgency' | translate }}</mat-label>
        <mat-select formControlName="urgency" data-testid="field-urgency">
          @for (urgency of urgencies; track urgency) {
            <mat-option [value]="urgency">{{ urgencyLabels[urgency] | localizedLabel: language.current() }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'outgoing.fields.confidentiality' | translate }}</mat-label>
        <mat-select formControlName="confidentiality" data-testid="field-confidentiality">
          @for (level of confidentialities; track level) {
            <mat-option [value]="level">{{ confidentialityLabels[level] | localizedLabel: language.current() }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
  `,
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 0 12px; }
    .row mat-form-field { flex: 1 1 160px; }
  `,
})
export class ClassificationFields {
  protected readonly language = inject(LanguageService);
  protected readonly types = DOCUMENT_TYPES;
  protected readonly urgencies = URGENCIES;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly confidentialities = CONFIDENTIALITIES;
  protected readonly confidentialityLabels = CONFIDENTIALITY_LABELS;

  readonly group = input.required<ClassificationGroup>();
}
