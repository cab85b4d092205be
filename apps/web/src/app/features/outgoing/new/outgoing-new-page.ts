import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CreateOutgoingDraftRequest,
  Confidentiality,
  DocumentTypeCode,
  IncomingDocumentDto,
  OrganDto,
  OutgoingDocumentDto,
  StoredFileDto,
  UnitDto,
  Urgency,
  UserDto,
} from '@app/contracts';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, forkJoin, map, of, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { PageHeader } from '../../../shared/page-header/page-header';
import { FieldMap, FieldMessage, applyServerErrors, messageFor, serverErrors } from '../../incoming/form-errors';
import { FilesInput } from '../../incoming/register/files-input';
import { ClassificationFields } from '../classification-fields';
import { OutgoingApi } from '../outgoing-api';
import { replacementDefaults } from './replacement-defaults';

const PEOPLE_LIMIT = 200;
const ORGAN_SUGGESTIONS = 10;

/** The API's field names → this form's controls (the files and organs are not controls: shown beside them). */
const FIELD_MAP: FieldMap = {
  subject: 'subject',
  signerId: 'signerId',
  recipientUnitIds: 'recipientUnitIds',
  recipientOrganIds: 'organSearch',
  recipientsText: 'recipientsText',
  note: 'note',
  replacementReason: 'replacementReason',
  mainFileId: 'mainFile',
  attachmentFileIds: 'mainFile',
};

/** Who may sign: the leaders and the heads of units (the roles with `outgoing.sign`). */
function signersFrom(pages: UserDto[][]): UserDto[] {
  const byId = new Map<string, UserDto>();
  for (const person of pages.flat()) if (person.active) byId.set(person.id, person);
  return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}

/**
 * Soạn văn bản đi: the metadata, the recipients (units of the agency, agencies of the directory,
 * free text), the signer-to-be and the files. Opened with `?replyTo=<incoming id>` from an incoming
 * document, it is the reply to it. The review chain starts from the default and is edited on the draft's page.
 */
@Component({
  selector: 'app-outgoing-new-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    PageHeader,
    FilesInput,
    ClassificationFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outgoing-new-page.html',
  styleUrl: './outgoing-new-page.scss',
})
export class OutgoingNewPage {
  private readonly api = inject(OutgoingApi);
  private readonly directory = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly translate = inject(TranslateService);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    classification: this.fb.group({
      documentType: this.fb.control<DocumentTypeCode>('official_letter', Validators.required),
      urgency: this.fb.control<Urgency>('normal'),
      confidentiality: this.fb.control<Confidentiality>('normal'),
    }),
    subject: this.fb.control('', [Validators.required, Validators.maxLength(1000)]),
    signerId: this.fb.control('', Validators.required),
    recipientUnitIds: this.fb.control<string[]>([]),
    organSearch: this.fb.control(''),
    recipientsText: this.fb.control('', Validators.maxLength(2000)),
    note: this.fb.control('', Validators.maxLength(500)),
    // required only for a replacement (see the constructor)
    replacementReason: this.fb.control('', Validators.maxLength(2000)),
  });
  protected readonly controls = this.form.controls;

  protected readonly signers = signal<UserDto[]>([]);
  protected readonly units = signal<UnitDto[]>([]);
  protected readonly organSuggestions = signal<OrganDto[]>([]);
  protected readonly organs = signal<Pick<OrganDto, 'id' | 'name'>[]>([]);
  protected readonly replyTo = signal<IncomingDocumentDto | null>(null);
  /** the issued document this draft replaces (opened with ?replaces=<id>) */
  protected readonly replaces = signal<OutgoingDocumentDto | null>(null);
  protected readonly mainFile = signal<StoredFileDto | null>(null);
  protected readonly attachments = signal<StoredFileDto[]>([]);
  protected readonly mainFileError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    forkJoin([this.directory.users({ role: 'leader', limit: PEOPLE_LIMIT }), this.directory.users({ role: 'unit_head', limit: PEOPLE_LIMIT })]).subscribe({
      next: (pages) => this.signers.set(signersFrom(pages.map((page) => page.items))),
      error: (error: unknown) => this.notifier.error(error),
    });
    this.directory.units().subscribe({ next: (units) => this.units.set(units), error: (error: unknown) => this.notifier.error(error) });
    this.controls.organSearch.valueChanges
      .pipe(
        debounceTime(250),
        map((value) => (typeof value === 'string' ? value.trim() : '')),
        distinctUntilChanged(),
        switchMap((q) =>
          q.length < 2
            ? of([] as OrganDto[])
            : this.directory.organs({ q, limit: ORGAN_SUGGESTIONS }).pipe(
                map((page) => page.items.filter((organ) => organ.active && !organ.isSelf)),
                catchError(() => of([] as OrganDto[])),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((organs) => this.organSuggestions.set(organs));
    const query = inject(ActivatedRoute).snapshot.queryParamMap;
    const replacesId = query.get('replaces');
    if (replacesId) this.startReplacement(replacesId);
    const replyToId = query.get('replyTo');
    if (replyToId)
      this.directory.incomingDocument(replyToId).subscribe({
        next: (incoming) => {
          this.replyTo.set(incoming);
          // the reply goes back to whoever wrote: their name as the free-text recipient, to be corrected if needed
          if (!this.controls.recipientsText.value) this.controls.recipientsText.setValue(incoming.issuerName);
        },
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  /** A replacement starts from the replaced document, and says why it replaces it. */
  private startReplacement(replacesId: string): void {
    this.controls.replacementReason.addValidators([Validators.required, Validators.minLength(5)]);
    this.api.get(replacesId).subscribe({
      next: (replaced) => {
        this.replaces.set(replaced);
        const defaults = replacementDefaults(replaced);
        this.form.patchValue({ classification: defaults.classification, subject: defaults.subject, signerId: defaults.signerId, recipientUnitIds: defaults.recipientUnitIds, recipientsText: defaults.recipientsText });
        this.organs.set(defaults.organs);
      },
      error: (error: unknown) => this.formError.set(this.notifier.errorText(error)),
    });
  }

  protected error(name: keyof typeof this.controls): FieldMessage | null {
    const control = this.controls[name];
    return control.touched || control.dirty ? messageFor(control.errors) : null;
  }

  protected addOrgan(organ: OrganDto): void {
    if (!this.organs().some((picked) => picked.id === organ.id)) this.organs.update((picked) => [...picked, organ]);
    this.controls.organSearch.setValue('');
  }

  protected removeOrgan(organ: Pick<OrganDto, 'id'>): void {
    this.organs.update((picked) => picked.filter((candidate) => candidate.id !== organ.id));
  }

  protected save(): void {
    this.formError.set(null);
    this.form.markAllAsTouched();
    const mainFile = this.mainFile();
    this.mainFileError.set(mainFile ? null : (this.translate.instant('outgoing.form.mainFileRequired') as string));
    if (this.form.invalid || !mainFile || this.saving()) return;
    this.saving.set(true);
    this.api.create(this.request(mainFile)).subscribe({
      next: (draft) => {
        this.notifier.success('outgoing.form.created');
        void this.router.navigate(['/outgoing', draft.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showServerErrors(error);
      },
    });
  }

  private request(mainFile: StoredFileDto): CreateOutgoingDraftRequest {
    const value = this.form.getRawValue();
    const orNull = (text: string) => text.trim() || null;
    return {
      ...value.classification,
      subject: value.subject.trim(),
      signerId: value.signerId,
      recipientUnitIds: value.recipientUnitIds,
      recipientOrganIds: this.organs().map((organ) => organ.id),
      recipientsText: orNull(value.recipientsText),
      replyToIncomingId: this.replyTo()?.id ?? null,
      replacesId: this.replaces()?.id ?? null,
      replacementReason: this.replaces() ? value.replacementReason.trim() : null,
      mainFileId: mainFile.id,
      attachmentFileIds: this.attachments().map((file) => file.id),
      note: orNull(value.note),
    };
  }

  private showServerErrors(error: unknown): void {
    const { fields, general } = serverErrors(error, FIELD_MAP, this.language.current());
    for (const name of applyServerErrors(this.controls, fields)) {
      const message = fields[name];
      const text = this.translate.instant(message.key, message.params) as string;
      if (name === 'mainFile') this.mainFileError.set(text);
      else this.formError.set(text);
    }
    if (general) this.formError.set(general);
    else if (Object.keys(fields).length === 0) this.formError.set(this.notifier.errorText(error));
  }
}
