import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { AuditEntryDto, AuditListQuery, AuditVerifyResult, Page } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, catchError, debounceTime, map, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';

const PAGE_SIZE = 50;

/** One line of JSON for the table; the full text is in the cell's tooltip. */
export function summariseDetails(details: Record<string, unknown> | null): string {
  return details && Object.keys(details).length > 0 ? JSON.stringify(details) : '';
}

/** Ids are long UUIDs; the start is enough to tell rows apart, the whole one is in the tooltip. */
export function shortenIdentifier(id: string | null): string {
  if (!id) return '';
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

/** Nhật ký: the append-only, hash-chained record of who did what, newest first. */
@Component({
  selector: 'app-audit-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    TranslatePipe,
    VietnamDatePipe,
    PageHeader,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);

  protected readonly columns = ['sequence', 'occurredAt', 'actor', 'action', 'entity', 'outcome', 'ip'];
  protected readonly summariseDetails = summariseDetails;
  protected readonly shortenIdentifier = shortenIdentifier;
  protected readonly filters = inject(NonNullableFormBuilder).group({ action: [''], entityType: [''], entityId: [''] });

  protected readonly entries = signal<AuditEntryDto[]>([]);
  protected readonly hasOlder = signal(false);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly verifying = signal(false);
  protected readonly verification = signal<AuditVerifyResult | null>(null);
  /** `before` of the page asked for: null for the newest rows */
  private readonly pageRequests = new Subject<string | null>();

  constructor() {
    this.pageRequests
      .pipe(
        switchMap((before) =>
          this.api.auditEntries({ ...this.query(), before: before ?? undefined, limit: PAGE_SIZE }).pipe(
            map((page: Page<AuditEntryDto>) => ({ page, before })),
            catchError((error: unknown) => {
              this.loading.set(false);
              this.notifier.error(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, before }) => {
        this.entries.update((current) => (before ? [...current, ...page.items] : page.items));
        // a full page suggests more; an empty "older" page ends the list
        this.hasOlder.set(page.nextCursor !== null || page.items.length === PAGE_SIZE);
        this.loading.set(false);
        this.loaded.set(true);
      });
    this.filters.valueChanges.pipe(debounceTime(400), takeUntilDestroyed()).subscribe(() => this.reload());
    this.reload();
  }

  protected reload(): void {
    this.loading.set(true);
    this.pageRequests.next(null);
  }

  /** Keyset paging on the chain's own order: everything before the sequence of the last row shown. */
  protected loadOlder(): void {
    const last = this.entries().at(-1);
    if (!last || this.loading()) return;
    this.loading.set(true);
    this.pageRequests.next(last.sequence);
  }

  protected verify(): void {
    this.verifying.set(true);
    this.verification.set(null);
    this.api.verifyAudit().subscribe({
      next: (result) => {
        this.verifying.set(false);
        this.verification.set(result);
      },
      error: (error: unknown) => {
        this.verifying.set(false);
        this.notifier.error(error);
      },
    });
  }

  private query(): AuditListQuery {
    const { action, entityType, entityId } = this.filters.getRawValue();
    return { action: action.trim() || undefined, entityType: entityType.trim() || undefined, entityId: entityId.trim() || undefined };
  }
}
