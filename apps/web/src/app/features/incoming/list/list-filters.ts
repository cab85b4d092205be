import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DOCUMENT_TYPES, DocumentRegisterDto, INCOMING_SORTS, INCOMING_STATES, URGENCIES, URGENCY_LABELS } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { fromIsoDate, toIsoDate, vietnamYear } from '../incoming-format';
import { ListState } from './list-query';

/** Years offered: this one and the ones before, as far back as anyone looks up a register. */
const YEARS_BACK = 5;
/** A select shows a null choice as empty, not as "all": the "all" entries carry this value. */
const ALL = 'all';
/** Typing in the issuer field waits this long before the list is asked again. */
const TYPING_MS = 400;

/**
 * The filters of the list. Every change goes up as a patch of the list state; the page writes it
 * into the address, and the address comes back down here, so the form always shows the address.
 */
@Component({
  selector: 'app-list-filters',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, MatInputModule, MatDatepickerModule, MatButtonModule, MatIconModule, TranslatePipe, LocalizedLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="filters" [formGroup]="form" (submit)="$event.preventDefault()" data-testid="incoming-filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
        <mat-label>{{ 'incoming.filters.register' | translate }}</mat-label>
        <mat-select formControlName="registerId" data-testid="incoming-filter-register">
          <mat-option [value]="all">{{ 'incoming.filters.allRegisters' | translate }}</mat-option>
          @for (register of registers(); track register.id) {
            <mat-option [value]="register.id">
              {{ register.name }}
              @if (!register.active) {
                <span class="inactive">({{ 'incoming.filters.inactive' | translate }})</span>
              }
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="narrow">
        <mat-label>{{ 'incoming.filters.year' | translate }}</mat-label>
        <mat-select formControlName="year" data-testid="incoming-filter-year">
          <mat-option [value]="all">{{ 'incoming.filters.allYears' | translate }}</mat-option>
          @for (year of years; track year) {
            <mat-option [value]="year">{{ year }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
        <mat-label>{{ 'incoming.columns.issuer' | translate }}</mat-label>
        <input matInput formControlName="issuer" autocomplete="off" data-testid="incoming-filter-issuer" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.fields.documentType' | translate }}</mat-label>
        <mat-select formControlName="documentType" data-testid="incoming-filter-type">
          <mat-option [value]="all">{{ 'incoming.filters.any' | translate }}</mat-option>
          @for (type of types; track type.code) {
            <mat-option [value]="type.code">{{ type | localizedLabel: language.current() }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.fields.urgency' | translate }}</mat-label>
        <mat-select formControlName="urgency" data-testid="incoming-filter-urgency">
          <mat-option [value]="all">{{ 'incoming.filters.any' | translate }}</mat-option>
          @for (urgency of urgencies; track urgency) {
            <mat-option [value]="urgency">{{ urgencyLabels[urgency] | localizedLabel: language.current() }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.columns.state' | translate }}</mat-label>
        <mat-select formControlName="state" data-testid="incoming-filter-state">
          <mat-option [value]="all">{{ 'incoming.filters.any' | translate }}</mat-option>
          @for (state of states; track state) {
            <mat-option [value]="state">{{ 'incoming.states.' + state | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="dates">
        <mat-label>{{ 'incoming.filters.arrived' | translate }}</mat-label>
        <mat-date-range-input [rangePicker]="range">
          <input matStartDate formControlName="arrivedFrom" [placeholder]="'incoming.filters.from' | translate" data-testid="incoming-filter-from" />
          <input matEndDate formControlName="arrivedTo" [placeholder]="'incoming.filters.to' | translate" data-testid="incoming-filter-to" />
        </mat-date-range-input>
        <mat-datepicker-toggle matIconSuffix [for]="range" />
        <mat-date-range-picker #range />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.sort.label' | translate }}</mat-label>
        <mat-icon matPrefix>sort</mat-icon>
        <mat-select formControlName="sort" data-testid="incoming-sort">
          @for (sort of sorts; track sort) {
            <mat-option [value]="sort">{{ 'incoming.sort.' + sort | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 10px 12px; align-items: center; }
    mat-form-field { width: 180px; flex: 1 1 160px; }
    .narrow { flex: 0 1 160px; }
    .wide { flex: 1 1 220px; }
    .dates { flex: 1 1 250px; }
    .inactive { color: var(--mat-sys-on-surface-variant); font-size: 13px; }
    @media (max-width: 599.98px) { mat-form-field, .narrow, .wide, .dates { flex: 1 1 100%; width: 100%; } }
  `,
})
export class ListFilters {
  protected readonly language = inject(LanguageService);
  readonly state = input.required<ListState>();
  readonly registers = input<readonly DocumentRegisterDto[]>([]);
  readonly changed = output<Partial<ListState>>();

  protected readonly all = ALL;
  protected readonly years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => vietnamYear() - index);
  protected readonly types = DOCUMENT_TYPES;
  protected readonly urgencies = URGENCIES;
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly states = INCOMING_STATES;
  protected readonly sorts = INCOMING_SORTS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    registerId: [ALL as string],
    year: [ALL as number | typeof ALL],
    issuer: [''],
    documentType: [ALL as string],
    urgency: [ALL as string],
    state: [ALL as string],
    arrivedFrom: [null as Date | null],
    arrivedTo: [null as Date | null],
    sort: ['arrived_desc' as string],
  });

  constructor() {
    // the address → the form, without echoing back up
    effect(() => {
      const state = this.state();
      this.form.setValue(
        {
          registerId: state.registerId ?? ALL,
          year: state.year ?? ALL,
          issuer: this.form.controls.issuer.value.trim() === state.issuer ? this.form.controls.issuer.value : state.issuer,
          documentType: state.documentType ?? ALL,
          urgency: state.urgency ?? ALL,
          state: state.state ?? ALL,
          arrivedFrom: fromIsoDate(state.arrivedFrom),
          arrivedTo: fromIsoDate(state.arrivedTo),
          sort: state.sort,
        },
        { emitEvent: false },
      );
    });
    const choice = (value: string) => (value === ALL ? null : value);
    const select = (name: 'registerId' | 'documentType' | 'urgency' | 'state' | 'sort') =>
      this.form.controls[name].valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => this.changed.emit({ [name]: choice(value) } as Partial<ListState>));
    (['registerId', 'documentType', 'urgency', 'state', 'sort'] as const).forEach(select);
    this.form.controls.year.valueChanges.pipe(takeUntilDestroyed()).subscribe((year) => this.changed.emit({ year: year === ALL ? null : year }));
    this.form.controls.issuer.valueChanges
      .pipe(
        map((issuer) => issuer.trim()),
        debounceTime(TYPING_MS),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((issuer) => this.changed.emit({ issuer }));
    // a range is sent when its end is picked (or cleared), not half-way through
    this.form.controls.arrivedTo.valueChanges.pipe(takeUntilDestroyed()).subscribe((to) => {
      const from = this.form.controls.arrivedFrom.value;
      if (to && !from) return;
      this.changed.emit({ arrivedFrom: from ? toIsoDate(from) : null, arrivedTo: to ? toIsoDate(to) : null });
    });
    this.form.controls.arrivedFrom.valueChanges.pipe(takeUntilDestroyed()).subscribe((from) => {
      if (!from && !this.form.controls.arrivedTo.value) this.changed.emit({ arrivedFrom: null, arrivedTo: null });
    });
  }
}
