import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Page, Permission, ROLES, ROLE_LABELS, Role, UnitDto, UserDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, catchError, debounceTime, filter, map, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { BilingualLabel } from '../../../core/i18n/language';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/confirm-dialog/confirm-dialog';
import { DialogOutcome } from '../../../shared/dialog-error/dialog-error';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { buildUnitTree, flattenUnitTree } from '../units/unit-tree';
import { UserDialog, UserDialogData } from './user-dialog';

const PAGE_SIZE = 50;

/** Replaces one row with the server's newer copy. */
function replaceUser(users: UserDto[], changed: UserDto): UserDto[] {
  return users.map((user) => (user.id === changed.id ? changed : user));
}

@Component({
  selector: 'app-users-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    TranslatePipe,
    LocalizedLabelPipe,
    VietnamDatePipe,
    PageHeader,
    EmptyState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly api = inject(ApiClient);
  private readonly dialogs = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);

  protected readonly canManage = inject(SessionStore).hasAny(Permission.UsersManage);
  protected readonly roles = ROLES;
  /** keyed by plain string: mat-table rows reach the template untyped */
  protected readonly roleLabels: Readonly<Record<string, BilingualLabel>> = ROLE_LABELS;
  protected readonly columns = ['username', 'fullName', 'unit', 'roles', 'status', 'actions'];

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    unitId: [null as string | null],
    role: [null as Role | null],
  });

  protected readonly users = signal<UserDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly units = signal<UnitDto[]>([]);
  protected readonly unitOptions = computed(() => flattenUnitTree(buildUnitTree(this.units())));
  protected readonly unitNames = computed(() => new Map(this.units().map((unit) => [unit.id, unit.name])));

  /** Each request says which page it wants; a newer filter cancels an older answer still on its way. */
  private readonly pageRequests = new Subject<string | null>();

  constructor() {
    this.pageRequests
      .pipe(
        switchMap((cursor) =>
          this.api.users({ ...this.query(), cursor: cursor ?? undefined, limit: PAGE_SIZE }).pipe(
            map((page: Page<UserDto>) => ({ page, cursor })),
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
        this.users.update((current) => (cursor ? [...current, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      });
    this.filters.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe(() => this.reload());
    this.api.units().subscribe({ next: (units) => this.units.set(units), error: () => this.units.set([]) });
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
    this.openDialog({ units: this.units() });
  }

  protected edit(user: UserDto): void {
    this.openDialog({ user, units: this.units() });
  }

  protected unlock(user: UserDto): void {
    this.api.unlockUser(user.id).subscribe({
      next: (unlocked) => {
        this.users.update((users) => replaceUser(users, unlocked));
        this.notifier.success('users.unlocked', { name: user.fullName });
      },
      error: (error: unknown) => this.notifier.error(error),
    });
  }

  /** Deactivating keeps the account and its history; it only stops the person from signing in. */
  protected setActive(user: UserDto, active: boolean): void {
    const data: ConfirmDialogData = {
      title: active ? 'users.activate.title' : 'users.deactivate.title',
      message: active ? 'users.activate.message' : 'users.deactivate.message',
      parameters: { name: user.fullName },
      confirm: active ? 'users.activate.confirm' : 'users.deactivate.confirm',
      destructive: !active,
    };
    this.dialogs
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.updateUser(user.id, { active, version: user.version })),
      )
      .subscribe({
        next: (changed) => {
          this.users.update((users) => replaceUser(users, changed));
          this.notifier.success(active ? 'users.activate.done' : 'users.deactivate.done', { name: user.fullName });
        },
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  private query(): { q?: string; unitId?: string; role?: Role } {
    const { q, unitId, role } = this.filters.getRawValue();
    return { q: q.trim() || undefined, unitId: unitId ?? undefined, role: role ?? undefined };
  }

  private openDialog(data: UserDialogData): void {
    this.dialogs
      .open<UserDialog, UserDialogData, DialogOutcome<UserDto>>(UserDialog, { data, autoFocus: 'first-tabbable', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((outcome) => {
        if (!outcome) return;
        if (outcome.kind === 'reload') return this.reload();
        const saved = outcome.value;
        if (data.user) this.users.update((users) => replaceUser(users, saved));
        else this.users.update((users) => [saved, ...users]);
        this.notifier.success(data.user ? 'users.saved' : 'users.created', { name: saved.fullName });
      });
  }
}
