import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Permission, UNIT_KIND_LABELS, UnitDto, UnitKind } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { filter, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/confirm-dialog/confirm-dialog';
import { DialogOutcome } from '../../../shared/dialog-error/dialog-error';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { UnitDialog, UnitDialogData } from './unit-dialog';
import { buildUnitTree, flattenUnitTree } from './unit-tree';

const KIND_ICONS: Record<UnitKind, string> = {
  office: 'corporate_fare',
  department: 'account_balance',
  bureau: 'domain',
  division: 'workspaces',
  centre: 'hub',
  other: 'category',
};

/** The agency's units (Vụ, Cục, Văn phòng, Phòng) as a tree. */
@Component({
  selector: 'app-units-page',
  imports: [MatCardModule, MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule, TranslatePipe, LocalizedLabelPipe, PageHeader, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './units-page.html',
  styleUrl: './units-page.scss',
})
export class UnitsPage {
  private readonly api = inject(ApiClient);
  private readonly dialogs = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);

  protected readonly canManage = inject(SessionStore).hasAny(Permission.UnitsManage);
  protected readonly kindLabels = UNIT_KIND_LABELS;
  protected readonly kindIcons = KIND_ICONS;

  protected readonly units = signal<UnitDto[]>([]);
  protected readonly loaded = signal(false);
  protected readonly collapsed = signal<ReadonlySet<string>>(new Set());
  protected readonly tree = computed(() => buildUnitTree(this.units()));
  protected readonly rows = computed(() => flattenUnitTree(this.tree(), this.collapsed()));

  constructor() {
    this.load();
  }

  protected load(): void {
    this.api.units().subscribe({
      next: (units) => {
        this.units.set(units);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.loaded.set(true);
        this.notifier.error(error);
      },
    });
  }

  protected toggle(unitId: string): void {
    this.collapsed.update((current) => {
      const next = new Set(current);
      if (!next.delete(unitId)) next.add(unitId);
      return next;
    });
  }

  protected expandAll(): void {
    this.collapsed.set(new Set());
  }

  protected collapseAll(): void {
    this.collapsed.set(new Set(this.units().map((unit) => unit.id)));
  }

  protected create(parentId: string | null = null): void {
    this.openDialog({ units: this.units(), parentId });
  }

  protected edit(unit: UnitDto): void {
    this.openDialog({ unit, units: this.units() });
  }

  protected remove(unit: UnitDto): void {
    const data: ConfirmDialogData = {
      title: 'units.delete.title',
      message: 'units.delete.message',
      parameters: { name: unit.name },
      confirm: 'common.delete',
      destructive: true,
    };
    this.dialogs
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.deleteUnit(unit.id)),
      )
      .subscribe({
        next: () => {
          this.units.update((units) => units.filter((candidate) => candidate.id !== unit.id));
          this.notifier.success('units.delete.done', { name: unit.name });
        },
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  private openDialog(data: UnitDialogData): void {
    this.dialogs
      .open<UnitDialog, UnitDialogData, DialogOutcome<UnitDto>>(UnitDialog, { data, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((outcome) => {
        if (!outcome) return;
        if (outcome.kind === 'reload') return this.load();
        const saved = outcome.value;
        this.units.update((units) => (units.some((unit) => unit.id === saved.id) ? units.map((unit) => (unit.id === saved.id ? saved : unit)) : [...units, saved]));
        this.notifier.success(data.unit ? 'units.saved' : 'units.created', { name: saved.name });
      });
  }
}
