import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule, NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { FilePlanDto, FilePlanEntryDto, Permission } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { of, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { formatVietnamDate } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { CaseFilesApi } from '../case-files-api';
import { parseRetention, retentionText } from '../case-file-labels';
import { RETENTION_CHOICES } from '../open/case-file-open-page';

/**
 * Danh mục hồ sơ (Decree 30 Art. 28, Appendix V): the plan of a year — headings, planned case files
 * with code, title, retention and keeper. The clerk or archivist drafts it (or copies last year's),
 * the head approves it; then officers open its case files.
 */
@Component({
  selector: 'app-file-plan-page',
  imports: [RouterLink, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe, EmptyState, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'caseFiles.plan.heading' | translate: { year: year() }" [subtitle]="'caseFiles.plan.subtitle' | translate">
      <a mat-button routerLink="/case-files"><mat-icon>arrow_back</mat-icon>{{ 'caseFiles.back' | translate }}</a>
      <button mat-icon-button (click)="go(-1)" [attr.aria-label]="'caseFiles.plan.previous' | translate"><mat-icon>chevron_left</mat-icon></button>
      <button mat-icon-button (click)="go(1)" [attr.aria-label]="'caseFiles.plan.next' | translate"><mat-icon>chevron_right</mat-icon></button>
      @if (plan()?.state === 'draft' && canApprove) {
        <button mat-flat-button (click)="approve()" data-testid="approve-plan"><mat-icon>verified</mat-icon>{{ 'caseFiles.plan.approve' | translate }}</button>
      }
    </app-page-header>

    @if (plan(); as plan) {
      <p class="state">
        @if (plan.state === 'approved') {
          <mat-icon>verified</mat-icon>{{ 'caseFiles.plan.approvedBy' | translate: { name: plan.approvedBy?.fullName ?? '' } }}
        } @else {
          <mat-icon>edit_note</mat-icon>{{ 'caseFiles.plan.draft' | translate }}
        }
      </p>
      <div class="table" role="table" data-testid="file-plan">
        <div class="row head" role="row">
          <span role="columnheader">{{ 'caseFiles.fields.code' | translate }}</span>
          <span role="columnheader">{{ 'caseFiles.fields.title' | translate }}</span>
          <span role="columnheader">{{ 'caseFiles.fields.retention' | translate }}</span>
          <span role="columnheader">{{ 'caseFiles.fields.keeper' | translate }}</span>
          <span role="columnheader"></span>
        </div>
        @for (heading of plan.headings; track heading.id) {
          <div class="row section" role="row"><span role="cell">{{ heading.code }}</span><span role="cell">{{ heading.title }}</span></div>
          @for (entry of heading.entries; track entry.id) {
            <div class="row" role="row">
              <span role="cell">{{ entry.code }}</span>
              <span role="cell">{{ entry.title }}</span>
              <span role="cell">{{ retention(entry.retention) }}</span>
              <span role="cell">{{ entry.keeper?.fullName ?? '—' }}</span>
              <span role="cell">
                @if (entry.caseFileId) {
                  <a mat-button [routerLink]="['/case-files', entry.caseFileId]">{{ 'caseFiles.plan.openedFile' | translate }}</a>
                } @else if (plan.state === 'approved' && canKeep) {
                  <button mat-stroked-button (click)="openFrom(entry)">{{ 'caseFiles.open.title' | translate }}</button>
                }
              </span>
            </div>
          }
        }
      </div>

      @if (plan.state === 'draft' && canPlan) {
        <form class="inline" #headingForm="ngForm" (ngSubmit)="addHeading(plan, headingForm)">
          <mat-form-field appearance="outline"><mat-label>{{ 'caseFiles.plan.headingCode' | translate }}</mat-label><input matInput name="headingCode" [(ngModel)]="headingCode" required /></mat-form-field>
          <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'caseFiles.plan.headingTitle' | translate }}</mat-label><input matInput name="headingTitle" [(ngModel)]="headingTitle" required /></mat-form-field>
          <button mat-stroked-button type="submit">{{ 'caseFiles.plan.addHeading' | translate }}</button>
        </form>
        @if (plan.headings.length) {
          <form class="inline" #entryForm="ngForm" (ngSubmit)="addEntry(plan, entryForm)">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'caseFiles.plan.headingCode' | translate }}</mat-label>
              <mat-select name="entryHeading" [(ngModel)]="entryHeadingId" required>
                @for (heading of plan.headings; track heading.id) {
                  <mat-option [value]="heading.id">{{ heading.code }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" class="narrow"><mat-label>{{ 'caseFiles.plan.ordinal' | translate }}</mat-label><input matInput name="ordinal" [(ngModel)]="ordinal" required /></mat-form-field>
            <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'caseFiles.fields.title' | translate }}</mat-label><input matInput name="entryTitle" [(ngModel)]="entryTitle" required /></mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'caseFiles.fields.retention' | translate }}</mat-label>
              <mat-select name="entryRetention" [(ngModel)]="entryRetention">
                @for (choice of retentionChoices; track choice) {
                  <mat-option [value]="choice">{{ retention(choice === 'permanent' ? 'permanent' : +choice) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <button mat-stroked-button type="submit">{{ 'caseFiles.plan.addEntry' | translate }}</button>
          </form>
        }
      }
    } @else if (missing()) {
      <app-empty-state icon="checklist" [message]="'caseFiles.plan.none' | translate: { year: year() }">
        @if (canPlan) {
          <div class="start">
            <button mat-flat-button (click)="create(false)" data-testid="create-plan">{{ 'caseFiles.plan.create' | translate }}</button>
            <button mat-stroked-button (click)="create(true)">{{ 'caseFiles.plan.copy' | translate: { year: year() - 1 } }}</button>
          </div>
        }
      </app-empty-state>
    }
  `,
  styles: `
    .state { display: flex; align-items: center; gap: 8px; color: var(--mat-sys-on-surface-variant); }
    .table { display: flex; flex-direction: column; border-radius: 12px; overflow: hidden; border: 1px solid var(--mat-sys-outline-variant); }
    .row { display: grid; grid-template-columns: 110px minmax(0, 1fr) 110px 180px 150px; gap: 8px; padding: 8px 12px; align-items: center; border-top: 1px solid var(--mat-sys-outline-variant); }
    .row.head { font-weight: 600; border-top: none; background: var(--mat-sys-surface-container); }
    .row.section { font-weight: 600; background: var(--mat-sys-surface-container-low); }
    .inline { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 16px; }
    .inline mat-form-field { flex: 0 1 180px; min-width: 140px; }
    .inline .grow { flex: 1 1 260px; }
    .inline .narrow { flex: 0 0 100px; min-width: 100px; }
    .start { display: flex; gap: 8px; margin-top: 12px; flex-wrap: wrap; justify-content: center; }
    @media (max-width: 719.98px) {
      .row { grid-template-columns: 80px minmax(0, 1fr); }
      .row > :nth-child(n + 3) { grid-column: 2; }
    }
  `,
})
export class FilePlanPage {
  private readonly api = inject(CaseFilesApi);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly session = inject(SessionStore);

  protected readonly canPlan = this.session.hasAny(Permission.CaseFilesPlan);
  protected readonly canApprove = this.session.hasAny(Permission.CaseFilesApprovePlan);
  protected readonly canKeep = this.session.hasAny(Permission.CaseFilesKeep);
  protected readonly retentionChoices = RETENTION_CHOICES;
  protected readonly year = signal(Number(formatVietnamDate(new Date()).slice(-4)));
  protected readonly plan = signal<FilePlanDto | null>(null);
  protected readonly missing = signal(false);
  protected headingCode = '';
  protected headingTitle = '';
  protected entryHeadingId = '';
  protected ordinal = '';
  protected entryTitle = '';
  protected entryRetention = '10';

  constructor() {
    this.load();
  }

  protected retention(value: FilePlanEntryDto['retention']): string {
    return retentionText(value, this.language.current());
  }

  protected go(step: number): void {
    this.year.update((year) => year + step);
    this.load();
  }

  private load(): void {
    this.plan.set(null);
    this.missing.set(false);
    const year = this.year();
    // asked first which years have a plan: a year without one is an empty page, not a failed request
    this.api
      .plans()
      .pipe(switchMap((plans) => (plans.some((plan) => plan.year === year) ? this.api.plan(year) : of(null))))
      .subscribe({
        next: (plan) => (plan ? this.plan.set(plan) : this.missing.set(true)),
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  private done = {
    next: (plan: FilePlanDto) => this.plan.set(plan),
    error: (error: unknown) => this.notifier.error(error),
  };

  protected create(copy: boolean): void {
    this.api.createPlan(this.year(), copy ? this.year() - 1 : undefined).subscribe(this.done);
  }

  protected addHeading(plan: FilePlanDto, form: NgForm): void {
    this.api.addHeading(plan.id, { code: this.headingCode.trim(), title: this.headingTitle.trim() }).subscribe({
      ...this.done,
      next: (updated) => {
        // a fresh form for the next heading, not one flagged as left empty
        form.resetForm();
        this.plan.set(updated);
      },
    });
  }

  protected addEntry(plan: FilePlanDto, form: NgForm): void {
    this.api
      .addEntry(plan.id, { headingId: this.entryHeadingId, ordinal: this.ordinal.trim(), title: this.entryTitle.trim(), retention: parseRetention(this.entryRetention) ?? 'permanent' })
      .subscribe({
        ...this.done,
        next: (updated) => {
          // the heading and retention stay for the next entry under the same heading
          form.resetForm({ entryHeading: this.entryHeadingId, entryRetention: this.entryRetention });
          this.plan.set(updated);
        },
      });
  }

  protected approve(): void {
    const plan = this.plan();
    if (plan) this.api.approvePlan(plan.id, plan.version).subscribe(this.done);
  }

  protected openFrom(entry: FilePlanEntryDto): void {
    this.api.open({ planEntryId: entry.id }).subscribe({ next: (file) => void this.router.navigate(['/case-files', file.id]), error: (error: unknown) => this.notifier.error(error) });
  }
}
