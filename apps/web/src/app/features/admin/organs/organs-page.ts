import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { OrganDto, Page, Permission } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, catchError, debounceTime, filter, map, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/confirm-dialog/confirm-dialog';
import { DialogOutcome } from '../../../shared/dialog-error/dialog-error';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { OrganDialog, OrganDialogData } from './organ-dialog';

const PAGE_SIZE = 50;

/** Danh bạ cơ quan: the agencies this one exchanges documents with over the national axis. */
@Component({
  selector: 'app-organs-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    TranslatePipe,
    PageHeader,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organs-page.html',
  styleUrl: './organs-page.scss',
})
export class OrgansPage {
  private readonly api = inject(ApiClient);
  private readonly dialogs = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly canManage = inject(SessionStore).hasAny(Permission.OrgansManage);
  protected readonly columns = ['organId', 'name', 'notation', 'contact', 'status', 'actions'];
  protected readonly search = new FormControl('', { nonNullable: true });

  protected readonly organs = signal<OrganDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  private readonly pageRequests = new Subject<string | null>();

  constructor() {
    this.pageRequests
      .pipe(
        switchMap((cursor) =>
          this.api.organs({ q: this.search.value.trim() || undefined, cursor: cursor ?? undefined, limit: PAGE_SIZE }).pipe(
            map((page: Page<OrganDto>) => ({ page, cursor })),
            catchError((error: unknown) => {
              this.loading.set(false);
              this.notifier.error(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, cursor }) => {
        this.organs.update((current) => (cursor ? [...current, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      });
    this.search.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe(() => this.reload());
    this.reload();
  }

  protected reload(): void {
    this.loading.set(true);
    this.pageRequests.next(null);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.pageRequests.next(cursor);
  }

  protected create(): void {
    this.openDialog({});
  }

  protected edit(organ: OrganDto): void {
    this.openDialog({ organ });
  }

  protected remove(organ: OrganDto): void {
    const data: ConfirmDialogData = {
      title: 'organs.delete.title',
      message: 'organs.delete.message',
      parameters: { name: organ.name, organId: organ.organId },
      confirm: 'common.delete',
      destructive: true,
    };
    this.dialogs
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.deleteOrgan(organ.id)),
      )
      .subscribe({
        next: () => {
          this.organs.update((organs) => organs.filter((candidate) => candidate.id !== organ.id));
          this.notifier.success('organs.delete.done', { name: organ.name });
        },
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  private openDialog(data: OrganDialogData): void {
    this.dialogs
      .open<OrganDialog, OrganDialogData, DialogOutcome<OrganDto>>(OrganDialog, { data, autoFocus: 'first-tabbable', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((outcome) => {
        if (!outcome) return;
        if (outcome.kind === 'reload') return this.reload();
        const saved = outcome.value;
        if (data.organ) this.organs.update((organs) => organs.map((organ) => (organ.id === saved.id ? saved : organ)));
        else this.organs.update((organs) => [saved, ...organs]);
        this.notifier.success(data.organ ? 'organs.saved' : 'organs.created', { name: saved.name });
      });
  }
}
