import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, afterNextRender, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import {
  CONFIDENTIALITIES,
  CONFIDENTIALITY_LABELS,
  Confidentiality,
  DOCUMENT_TYPES,
  DocumentRegisterDto,
  DocumentTypeCode,
  IncomingDocumentSummaryDto,
  OrganDto,
  RECEIPT_CHANNELS,
  ReceiptChannel,
  RegisterIncomingRequest,
  RegisterIncomingResult,
  StoredFileDto,
  URGENCIES,
  URGENCY_LABELS,
  Urgency,
} from '@app/contracts';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { EMPTY, Observable, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { ApiClient, IncomingDuplicateQuery } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { PageHeader } from '../../../shared/page-header/page-header';
import { FieldMap, FieldMessage, applyServerErrors, integerValidator, messageFor, serverErrors } from '../form-errors';
import { combineDateAndTime, inferDocumentType, splitNumberAndNotation, toIsoDate } from '../incoming-format';
import { pickRegister, registersFor } from '../register-choice';
import { DuplicateWarning } from './duplicate-warning';
import { FilesInput } from './files-input';
import { RegistrationDone } from './registration-done';

/** The server accepts an arrival up to a few minutes ahead of its clock; the form says so earlier. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** While the clerk has not touched the arrival time, it follows the clock. */
const CLOCK_TICK_MS = 30_000;
const ORGAN_SUGGESTIONS = 8;
const PHONE_QUERY = '(max-width: 599.98px)';

/** The API's field names → the form's controls (the arrival instant is two fields here). */
const FIELD_MAP: FieldMap = {
  registerId: 'registerId',
  receivedVia: 'receivedVia',
  arrivedAt: 'arrivalDate',
  issuerName: 'issuerName',
  issuerOrganId: 'issuerName',
  codeNumber: 'codeNumber',
  codeNotation: 'codeNotation',
  promulgatedOn: 'promulgatedOn',
  documentType: 'documentType',
  subject: 'subject',
  signerName: 'signerName',
  signerPosition: 'signerPosition',
  urgency: 'urgency',
  confidentiality: 'confidentiality',
  pageCount: 'pageCount',
  dueOn: 'dueOn',
  recipientsText: 'recipientsText',
  mainFileId: 'mainFile',
  attachmentFileIds: 'attachments',
};

/** Công văn first: most of what arrives is one. The rest in the decree's order. */
const TYPE_OPTIONS = [...DOCUMENT_TYPES.filter((type) => type.code === 'official_letter'), ...DOCUMENT_TYPES.filter((type) => type.code !== 'official_letter')];

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Vào sổ văn bản đến: the clerk's form, built for a pile of documents a day. Files upload while the
 * rest is typed; the register follows the confidentiality; the document type follows the notation;
 * Enter moves to the next field and submits from the last one, Ctrl+Enter submits from anywhere;
 * look-alikes already registered are shown as a warning while typing.
 */
@Component({
  selector: 'app-incoming-register-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TextFieldModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatAutocompleteModule,
    MatDatepickerModule,
    MatTimepickerModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    MatProgressSpinnerModule,
    TranslatePipe,
    LocalizedLabelPipe,
    PageHeader,
    DialogError,
    FilesInput,
    DuplicateWarning,
    RegistrationDone,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incoming-register-page.html',
  styleUrl: './incoming-register-page.scss',
})
export class IncomingRegisterPage {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly language = inject(LanguageService);

  protected readonly channels = RECEIPT_CHANNELS;
  protected readonly urgencies = URGENCIES;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly confidentialities = CONFIDENTIALITIES;
  protected readonly confidentialityLabels = CONFIDENTIALITY_LABELS;
  protected readonly typeOptions = TYPE_OPTIONS;
  protected readonly today = new Date();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    registerId: this.fb.control<string | null>(null, Validators.required),
    receivedVia: this.fb.control<ReceiptChannel>('paper', Validators.required),
    arrivalDate: this.fb.control<Date | null>(new Date(), Validators.required),
    arrivalTime: this.fb.control<Date | null>(new Date(), Validators.required),
    issuerName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    issuerOrganId: this.fb.control<string | null>(null),
    codeNumber: ['', Validators.maxLength(11)],
    codeNotation: ['', Validators.maxLength(30)],
    promulgatedOn: this.fb.control<Date | null>(null, Validators.required),
    documentType: this.fb.control<DocumentTypeCode | null>(null, Validators.required),
    subject: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(500)]],
    signerName: ['', Validators.maxLength(50)],
    signerPosition: ['', Validators.maxLength(100)],
    urgency: this.fb.control<Urgency>('normal'),
    confidentiality: this.fb.control<Confidentiality>('normal'),
    pageCount: this.fb.control<number | null>(null, [Validators.min(1), Validators.max(999), integerValidator]),
    dueOn: this.fb.control<Date | null>(null),
    recipientsText: ['', Validators.maxLength(1000)],
  });
  private readonly controls = this.form.controls;

  protected readonly mainFile = signal<StoredFileDto | null>(null);
  protected readonly attachments = signal<StoredFileDto[]>([]);
  protected readonly mainFileError = signal<string | null>(null);

  protected readonly registers = signal<DocumentRegisterDto[]>([]);
  protected readonly registersLoaded = signal(false);
  private readonly confidentiality = toSignal(this.controls.confidentiality.valueChanges, { initialValue: this.controls.confidentiality.value });
  protected readonly availableRegisters = computed(() => registersFor(this.registers(), this.confidentiality()));

  protected readonly organs = signal<OrganDto[]>([]);
  /** the directory entry the issuer was picked from; typing another name unlinks it */
  protected readonly linkedOrgan = signal<OrganDto | null>(null);
  /** true until the clerk picks a type: until then the notation decides it */
  protected readonly typeFromNotation = signal(true);
  protected readonly duplicates = signal<IncomingDocumentSummaryDto[]>([]);
  private readonly documentType = toSignal(this.controls.documentType.valueChanges, { initialValue: null });
  protected readonly selectedType = computed(() => TYPE_OPTIONS.find((type) => type.code === this.documentType()) ?? null);
  protected readonly promulgatedOn = toSignal(this.controls.promulgatedOn.valueChanges, { initialValue: null });
  protected readonly subjectLength = toSignal(this.controls.subject.valueChanges.pipe(map((value) => value.length)), { initialValue: 0 });

  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly result = signal<RegisterIncomingResult | null>(null);
  protected readonly resultRegister = computed(() => this.registers().find((register) => register.id === this.result()?.document.registerId) ?? null);

  constructor() {
    this.api.documentRegisters('incoming').subscribe({
      next: (registers) => {
        this.registers.set(registers);
        this.registersLoaded.set(true);
      },
      error: (error: unknown) => this.notifier.error(error),
    });
    // the register follows the confidentiality: a secret document can only go into a secret register
    effect(() => {
      const registers = this.registers();
      const confidentiality = this.confidentiality();
      untracked(() => {
        const chosen = pickRegister(registers, confidentiality, this.controls.registerId.value);
        if (chosen !== this.controls.registerId.value) this.controls.registerId.setValue(chosen);
      });
    });
    this.watchIssuer();
    this.watchNotation();
    this.watchDuplicates();
    this.followClock();
    // on a phone the keyboard would cover the form before the file is even chosen
    afterNextRender(() => {
      if (!window.matchMedia(PHONE_QUERY).matches) this.focus('issuerName');
    });
  }

  /** A message for a field's first error, in the user's language. */
  protected error(name: keyof typeof this.controls): FieldMessage | null {
    return messageFor(this.controls[name].errors);
  }

  protected linkOrgan(organ: OrganDto): void {
    this.linkedOrgan.set(organ);
    this.controls.issuerOrganId.setValue(organ.organId);
  }

  protected typeChosen(): void {
    this.typeFromNotation.set(false);
  }

  /** `15/QĐ-BYT` typed into Số becomes Số `15` and Ký hiệu `QĐ-BYT` (what was just typed wins). */
  protected splitNumber(): void {
    const split = splitNumberAndNotation(this.controls.codeNumber.value);
    if (!split) return;
    this.controls.codeNumber.setValue(split.codeNumber);
    if (split.codeNotation) {
      this.controls.codeNotation.setValue(split.codeNotation);
      this.controls.codeNotation.markAsDirty();
    }
  }

  /**
   * Enter in a field moves to the next one (a clerk's hands stay on the keyboard) and submits only
   * from the last field; Ctrl+Enter (⌘+Enter) submits from anywhere. Buttons, selects and open
   * suggestion lists keep their own Enter.
   */
  protected keydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      this.submit();
      return;
    }
    if (event.defaultPrevented || event.shiftKey || event.altKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    if (target.dataset['lastField'] !== undefined) return;
    event.preventDefault();
    this.focusNextField(target);
  }

  protected submit(): void {
    if (this.saving() || this.result()) return;
    this.formError.set(null);
    const mainFile = this.mainFile();
    this.mainFileError.set(mainFile ? null : (this.translate.instant('incoming.form.files.mainRequired') as string));
    const arrivedAt = this.arrivedAt();
    if (arrivedAt && arrivedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) this.controls.arrivalTime.setErrors({ future: true });
    if (this.form.invalid || !mainFile) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid(!mainFile);
      return;
    }
    this.saving.set(true);
    this.api.registerIncoming(this.request(mainFile, arrivedAt)).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.result.set(result);
        this.duplicates.set([]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showServerErrors(error);
      },
    });
  }

  /**
   * "Vào sổ văn bản tiếp": an empty form for the next document of the pile, keeping what is usually
   * the same for all of them — the register, how they came, and the issuer. Confidentiality goes back
   * to normal: a secrecy mark must be set on purpose, each time.
   */
  protected registerNext(): void {
    const { registerId, receivedVia, issuerName, issuerOrganId } = this.form.getRawValue();
    const now = new Date();
    this.form.reset({
      registerId,
      receivedVia,
      issuerName,
      issuerOrganId,
      arrivalDate: now,
      arrivalTime: now,
      codeNumber: '',
      codeNotation: '',
      promulgatedOn: null,
      documentType: null,
      subject: '',
      signerName: '',
      signerPosition: '',
      urgency: 'normal',
      confidentiality: 'normal',
      pageCount: null,
      dueOn: null,
      recipientsText: '',
    });
    this.mainFile.set(null);
    this.attachments.set([]);
    this.mainFileError.set(null);
    this.typeFromNotation.set(true);
    this.duplicates.set([]);
    this.result.set(null);
    afterNextRender(() => this.focus('codeNumber'), { injector: this.injector });
  }

  protected viewDocument(): void {
    const id = this.result()?.document.id;
    if (id) void this.router.navigate(['/incoming', id]);
  }

  private request(mainFile: StoredFileDto, arrivedAt: Date | null): RegisterIncomingRequest {
    const value = this.form.getRawValue();
    return {
      registerId: value.registerId!,
      receivedVia: value.receivedVia,
      // untouched, the arrival is "now" — the server's now, which no slow clock on this PC can put in the future
      ...(arrivedAt && (this.controls.arrivalDate.dirty || this.controls.arrivalTime.dirty) ? { arrivedAt: arrivedAt.toISOString() } : {}),
      issuerName: value.issuerName.trim(),
      issuerOrganId: value.issuerOrganId,
      codeNumber: orNull(value.codeNumber),
      codeNotation: orNull(value.codeNotation),
      promulgatedOn: toIsoDate(value.promulgatedOn!),
      documentType: value.documentType!,
      subject: value.subject.trim(),
      signerName: orNull(value.signerName),
      signerPosition: orNull(value.signerPosition),
      urgency: value.urgency,
      confidentiality: value.confidentiality,
      pageCount: value.pageCount,
      dueOn: value.dueOn ? toIsoDate(value.dueOn) : null,
      recipientsText: orNull(value.recipientsText),
      mainFileId: mainFile.id,
      attachmentFileIds: this.attachments().map((file) => file.id),
    };
  }

  private arrivedAt(): Date | null {
    const { arrivalDate, arrivalTime } = this.form.getRawValue();
    return arrivalDate && arrivalTime ? combineDateAndTime(arrivalDate, arrivalTime) : null;
  }

  private showServerErrors(error: unknown): void {
    const { fields, general } = serverErrors(error, FIELD_MAP, this.language.current());
    const leftOver = applyServerErrors(this.controls, fields);
    for (const name of leftOver) {
      const message = fields[name];
      const text = this.translate.instant(message.key, message.params) as string;
      if (name === 'mainFile') this.mainFileError.set(text);
      else this.formError.set(text);
    }
    if (general) this.formError.set(general);
    else if (Object.keys(fields).length === 0) this.formError.set(this.notifier.errorText(error));
    this.focusFirstInvalid(leftOver.includes('mainFile'));
  }

  /** Suggestions from the organ directory while the issuer is typed; a picked one fills the organ id. */
  private watchIssuer(): void {
    const issuer = this.controls.issuerName;
    issuer.valueChanges.pipe(takeUntilDestroyed()).subscribe((name) => {
      const linked = this.linkedOrgan();
      if (linked && linked.name !== name) {
        this.linkedOrgan.set(null);
        this.controls.issuerOrganId.setValue(null);
      }
    });
    issuer.valueChanges
      .pipe(
        map((name) => name.trim()),
        debounceTime(200),
        distinctUntilChanged(),
        // nothing typed, nothing suggested: a list popping up over the form on focus is in the way
        switchMap((q) =>
          !q
            ? of([] as OrganDto[])
            : this.api.organs({ q, limit: ORGAN_SUGGESTIONS }).pipe(
                map((page) => page.items.filter((organ) => organ.active && !organ.isSelf)),
                catchError(() => of([] as OrganDto[])),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((organs) => this.organs.set(organs));
  }

  /** Until the clerk picks a type, `QĐ-BYT` makes it a Quyết định and `BNV-VP` a Công văn. */
  private watchNotation(): void {
    this.controls.codeNotation.valueChanges.pipe(takeUntilDestroyed()).subscribe((notation) => {
      if (!this.typeFromNotation()) return;
      const type = inferDocumentType(notation);
      if (type && type !== this.controls.documentType.value) this.controls.documentType.setValue(type);
    });
  }

  /** Look-alikes already registered, once issuer, number, notation and date are all there. */
  private watchDuplicates(): void {
    this.form.valueChanges
      .pipe(
        map(() => this.duplicateQuery()),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        debounceTime(400),
        switchMap((query): Observable<IncomingDocumentSummaryDto[]> => (query ? this.api.incomingDuplicates(query).pipe(catchError(() => EMPTY)) : of([]))),
        takeUntilDestroyed(),
      )
      .subscribe((duplicates) => this.duplicates.set(this.result() ? [] : duplicates));
  }

  private duplicateQuery(): IncomingDuplicateQuery | null {
    const { issuerName, codeNumber, codeNotation, promulgatedOn } = this.form.getRawValue();
    const issuer = issuerName.trim();
    if (issuer.length < 2 || !codeNumber.trim() || !codeNotation.trim() || !promulgatedOn || Number.isNaN(promulgatedOn.getTime())) return null;
    return { issuerName: issuer, codeNumber: codeNumber.trim(), codeNotation: codeNotation.trim(), promulgatedOn: toIsoDate(promulgatedOn) };
  }

  /** Keeps the untouched arrival time at "now" while the form stays open. */
  private followClock(): void {
    const timer = setInterval(() => {
      if (this.result() || this.controls.arrivalDate.dirty || this.controls.arrivalTime.dirty) return;
      const now = new Date();
      this.controls.arrivalDate.setValue(now);
      this.controls.arrivalTime.setValue(now);
    }, CLOCK_TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private focus(name: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[formControlName="${name}"]`)?.focus();
  }

  private focusFirstInvalid(mainFileFirst: boolean): void {
    if (mainFileFirst) {
      this.host.nativeElement.querySelector<HTMLElement>('[data-testid="main-file"] button')?.focus();
      return;
    }
    const invalid = Object.entries(this.controls).find(([, control]) => control.invalid);
    if (invalid) this.focus(invalid[0] === 'issuerOrganId' ? 'issuerName' : invalid[0]);
  }

  private focusNextField(current: HTMLElement): void {
    const form = current.closest('form');
    if (!form) return;
    const fields = Array.from(form.querySelectorAll<HTMLElement>('input:not([type=file]):not([type=hidden]), textarea, mat-select')).filter(
      (field) => !field.hasAttribute('disabled') && field.getAttribute('aria-disabled') !== 'true' && field.tabIndex >= 0 && field.getClientRects().length > 0,
    );
    fields[fields.indexOf(current) + 1]?.focus();
  }
}
