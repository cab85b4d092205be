import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { FilePlanEntryDto, OpenCaseFileRequest, USAGE_MODES, UsageMode } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, switchMap } from 'rxjs';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { formatVietnamDate } from '../../../core/i18n/vietnam-date.pipe';
import { PageHeader } from '../../../shared/page-header/page-header';
import { CaseFilesApi } from '../case-files-api';
import { parseRetention, retentionText } from '../case-file-labels';

/** The usual retentions of the plans (Circular 10/2022 tables use these); any other number may be typed. */
export const RETENTION_CHOICES = ['permanent', '70', '20', '10', '5', '2'] as const;

/** Mở hồ sơ: from an entry of this year's approved plan, or outside the plan with its code, title and retention. */
@Component({
  selector: 'app-case-file-open-page',
  imports: [RouterLink, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatRadioModule, MatSelectModule, TranslatePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'caseFiles.open.title' | translate" [subtitle]="'caseFiles.open.subtitle' | translate" />
    <form class="form" (ngSubmit)="submit()" data-testid="open-form">
      <mat-radio-group name="source" [(ngModel)]="source" class="source">
        <mat-radio-button value="plan" [disabled]="entries().length === 0">{{ 'caseFiles.open.fromPlan' | translate: { year } }}</mat-radio-button>
        <mat-radio-button value="adhoc">{{ 'caseFiles.open.adhoc' | translate }}</mat-radio-button>
      </mat-radio-group>

      @if (source === 'plan') {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'caseFiles.open.entry' | translate }}</mat-label>
          <mat-select name="entry" [(ngModel)]="entryId" required>
            @for (entry of entries(); track entry.id) {
              <mat-option [value]="entry.id">{{ entry.code }} — {{ entry.title }} ({{ retention(entry.retention) }})</mat-option>
            }
          </mat-select>
        </mat-form-field>
      } @else {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'caseFiles.fields.code' | translate }}</mat-label>
          <input matInput name="code" [(ngModel)]="code" required placeholder="05.PC" data-testid="code" />
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'caseFiles.fields.title' | translate }}</mat-label>
          <input matInput name="title" [(ngModel)]="title" required minlength="3" data-testid="title" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'caseFiles.fields.retention' | translate }}</mat-label>
          <mat-select name="retention" [(ngModel)]="retentionChoice" data-testid="retention">
            @for (choice of retentionChoices; track choice) {
              <mat-option [value]="choice">{{ retention(choice === 'permanent' ? 'permanent' : +choice) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field appearance="outline">
        <mat-label>{{ 'caseFiles.fields.usageMode' | translate }}</mat-label>
        <mat-select name="usageMode" [(ngModel)]="usageMode">
          @for (mode of usageModes; track mode) {
            <mat-option [value]="mode">{{ 'caseFiles.usageMode.' + mode | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ 'caseFiles.fields.description' | translate }}</mat-label>
        <textarea matInput name="description" [(ngModel)]="description" rows="2" maxlength="500"></textarea>
      </mat-form-field>
      <div class="actions">
        <a mat-button routerLink="..">{{ 'common.cancel' | translate }}</a>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="submit-open">{{ 'caseFiles.open.submit' | translate }}</button>
      </div>
    </form>
  `,
  styles: `
    .form { display: flex; flex-direction: column; gap: 4px; max-width: 720px; }
    .source { display: flex; flex-wrap: wrap; gap: 8px 24px; margin-bottom: 12px; }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
  `,
})
export class CaseFileOpenPage {
  private readonly api = inject(CaseFilesApi);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);

  protected readonly year = Number(formatVietnamDate(new Date()).slice(-4));
  protected readonly entries = signal<FilePlanEntryDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly usageModes = USAGE_MODES;
  protected readonly retentionChoices = RETENTION_CHOICES;
  protected source: 'plan' | 'adhoc' = 'adhoc';
  protected entryId = '';
  protected code = '';
  protected title = '';
  protected retentionChoice: string = '10';
  protected usageMode: UsageMode = 'restricted';
  protected description = '';

  constructor() {
    // the entries of this year's approved plan not yet opened; none when there is no approved plan
    this.api
      .plans()
      .pipe(switchMap((plans) => (plans.some((plan) => plan.year === this.year && plan.state === 'approved') ? this.api.plan(this.year) : EMPTY)))
      .subscribe({
        next: (plan) => {
          const open = plan.headings.flatMap((heading) => heading.entries).filter((entry) => !entry.caseFileId);
          this.entries.set(open);
          if (open.length) this.source = 'plan';
        },
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  protected retention(value: FilePlanEntryDto['retention']): string {
    return retentionText(value, this.language.current());
  }

  protected submit(): void {
    const request: OpenCaseFileRequest =
      this.source === 'plan'
        ? { planEntryId: this.entryId, usageMode: this.usageMode, description: this.description || null }
        : { code: this.code.trim(), title: this.title.trim(), retention: parseRetention(this.retentionChoice) ?? 'permanent', usageMode: this.usageMode, description: this.description || null };
    this.busy.set(true);
    this.api.open(request).subscribe({
      next: (file) => void this.router.navigate(['/case-files', file.id]),
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }
}
