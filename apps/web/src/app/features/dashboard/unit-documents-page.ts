import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { IncomingDocumentSummaryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/errors/notifier';
import { VietnamDatePipe } from '../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../shared/empty-state/empty-state';
import { PageHeader } from '../../shared/page-header/page-header';
import { vietnameseDate } from '../tasks/task-labels';
import { DashboardApi } from './dashboard-api';

type UnitView = 'overdue' | 'due_soon' | 'all';

/**
 * Where a unit's figure on the dashboard leads: the incoming documents whose open work the unit
 * holds, overdue or due soon (the incoming list's `unitId` filter, which counts as the dashboard does).
 */
@Component({
  selector: 'app-unit-documents-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, VietnamDatePipe, PageHeader, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'dashboard.unitDocuments.' + view | translate: { unit: unitName }">
      <a mat-stroked-button routerLink="/dashboard"><mat-icon>arrow_back</mat-icon>{{ 'dashboard.title' | translate }}</a>
    </app-page-header>
    @if (documents().length === 0 && loaded()) {
      <app-empty-state icon="task_alt" [message]="'dashboard.unitDocuments.empty' | translate" />
    }
    <ul class="documents" data-testid="unit-documents">
      @for (document of documents(); track document.id) {
        <li>
          <a [routerLink]="['/incoming', document.id]" data-testid="unit-document">
            <span class="subject">{{ document.subject }}</span>
            <span class="meta">
              {{ document.numberAndNotation ?? '' }} · {{ document.issuerName }} · {{ 'dashboard.unitDocuments.arrived' | translate }} {{ document.arrivedAt | vietnamDate }}
              @if (document.dueOn) {
                · <span [class.late]="view === 'overdue'">{{ 'dashboard.decisions.deadline' | translate }} {{ date(document.dueOn) }}</span>
              }
            </span>
          </a>
        </li>
      }
    </ul>
    @if (nextCursor()) {
      <button mat-stroked-button (click)="fetch()">{{ 'tasks.more' | translate }}</button>
    }
  `,
  styles: `
    .documents { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
    a[data-testid='unit-document'] { display: flex; flex-direction: column; gap: 4px; padding: 12px 16px; border-radius: 12px; border: 1px solid var(--mat-sys-outline-variant); color: inherit; text-decoration: none; }
    .subject { font-weight: 600; }
    .meta { color: var(--mat-sys-on-surface-variant); font-size: 14px; }
    .late { color: var(--mat-sys-error); font-weight: 600; }
  `,
})
export class UnitDocumentsPage {
  private readonly api = inject(DashboardApi);
  private readonly notifier = inject(Notifier);
  private readonly route = inject(ActivatedRoute).snapshot;
  private readonly unitId = this.route.paramMap.get('unitId') as string;
  protected readonly view: UnitView = (['overdue', 'due_soon', 'all'] as const).find((view) => view === this.route.queryParamMap.get('view')) ?? 'overdue';
  protected readonly unitName = this.route.queryParamMap.get('name') ?? '';
  protected readonly documents = signal<IncomingDocumentSummaryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loaded = signal(false);

  constructor() {
    this.fetch();
  }

  protected date(value: string): string {
    return vietnameseDate(value);
  }

  protected fetch(): void {
    this.api.unitDocuments(this.unitId, this.view, this.nextCursor()).subscribe({
      next: (page) => {
        this.documents.update((documents) => [...documents, ...page.items]);
        this.nextCursor.set(page.nextCursor);
        this.loaded.set(true);
      },
      error: (error: unknown) => this.notifier.error(error),
    });
  }
}
