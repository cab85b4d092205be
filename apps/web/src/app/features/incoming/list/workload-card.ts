import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { UnitWorkloadDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/** A unit's figure, as the list it opens. */
export interface UnitList {
  view: 'all' | 'due_soon' | 'overdue';
  unitId: string;
}

/**
 * The leader's view of the units: how many open documents each has, how many are due soon and how
 * many overdue; the busiest first. A number opens the matching list.
 */
@Component({
  selector: 'app-workload-card',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" data-testid="workload" [attr.aria-label]="'incoming.workload.title' | translate">
      <h2 class="title">
        <mat-icon aria-hidden="true">monitoring</mat-icon>
        {{ 'incoming.workload.title' | translate }}
      </h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{{ 'incoming.workload.unit' | translate }}</th>
            <th scope="col" class="number">{{ 'incoming.workload.inProgress' | translate }}</th>
            <th scope="col" class="number">{{ 'incoming.workload.dueSoon' | translate }}</th>
            <th scope="col" class="number">{{ 'incoming.workload.overdue' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.unit.id) {
            <tr>
              <th scope="row" class="unit">{{ row.unit.name }}</th>
              <td class="number"><button type="button" class="count" (click)="open.emit({ view: 'all', unitId: row.unit.id })">{{ row.inProgress }}</button></td>
              <td class="number">
                <button type="button" class="count" [class.soon]="row.dueSoon" (click)="open.emit({ view: 'due_soon', unitId: row.unit.id })">{{ row.dueSoon }}</button>
              </td>
              <td class="number">
                <button type="button" class="count" [class.late]="row.overdue" (click)="open.emit({ view: 'overdue', unitId: row.unit.id })">{{ row.overdue }}</button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    .card { padding: 12px 16px; border-radius: 12px; border: 1px solid var(--mat-sys-outline-variant); background: var(--mat-sys-surface); }
    .title { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; font-size: 15px; font-weight: 600; }
    .table { width: 100%; border-collapse: collapse; font-size: 14px; }
    th, td { padding: 4px 6px; text-align: start; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    thead th { font-size: 12px; font-weight: 500; color: var(--mat-sys-on-surface-variant); }
    .unit { font-weight: 500; }
    .number { text-align: end; width: 1%; white-space: nowrap; }
    .count {
      min-width: 36px; min-height: 32px; border: 0; border-radius: 8px; background: transparent; cursor: pointer;
      font: inherit; font-variant-numeric: tabular-nums; color: inherit;
    }
    .count:hover { background: var(--mat-sys-surface-container-high); }
    .soon { color: #a15c00; font-weight: 700; }
    .late { color: var(--mat-sys-error); font-weight: 700; }
  `,
})
export class WorkloadCard {
  readonly rows = input.required<readonly UnitWorkloadDto[]>();
  /** The list to open: that unit's open, due-soon or overdue documents. */
  readonly open = output<UnitList>();
}
