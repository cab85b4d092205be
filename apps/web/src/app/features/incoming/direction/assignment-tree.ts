import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { AssignmentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { formatIsoDate, vietnamToday } from '../incoming-format';
import { assignmentDue, deadlineText } from './deadline-text';
import { assignmentTree } from './direction-actions';

/**
 * Who handles the document: each part with its role, unit or person, deadline (overdue and due-soon
 * marked) and state; the parts a unit head passed on sit indented under the unit's.
 */
@Component({
  selector: 'app-assignment-tree',
  imports: [MatIconModule, TranslatePipe, VietnamDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="tree" data-testid="assignments">
      @for (node of nodes(); track node.assignment.id) {
        @let part = node.assignment;
        @let due = dueOf(part);
        <li class="part" [style.--depth]="node.depth" [class.closed]="part.state === 'done' || part.state === 'returned'" data-testid="assignment">
          <div class="line">
            <span class="role" [class]="part.role">{{ 'incoming.roles.' + part.role | translate }}</span>
            <mat-icon class="kind" aria-hidden="true">{{ part.unit ? 'apartment' : 'person' }}</mat-icon>
            <span class="who">{{ part.unit?.name ?? part.user?.fullName }}</span>
            <span class="state" [class]="part.state">{{ 'incoming.assignmentStates.' + part.state | translate }}</span>
          </div>
          <div class="meta">
            @if (part.dueOn) {
              <span class="due" [class]="due ?? ''">
                <mat-icon aria-hidden="true">{{ due === 'overdue' ? 'alarm' : 'event' }}</mat-icon>
                {{ formatIsoDate(part.dueOn) }}
                @if (deadline(part); as words) {
                  <span class="words">({{ words.key | translate: words.params }})</span>
                }
              </span>
            }
            <span class="by">{{ 'incoming.direction.assignedBy' | translate: { name: part.assignedBy.fullName } }} · {{ part.assignedAt | vietnamDate }}</span>
          </div>
          @if (part.note) {
            <div class="note">
              {{ (part.state === 'returned' ? 'incoming.direction.returnReason' : 'incoming.direction.result') | translate }}: “{{ part.note }}”
            </div>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .tree { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    .part {
      margin-inline-start: calc(var(--depth, 0) * 24px); padding: 10px 12px; border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant); background: var(--mat-sys-surface);
    }
    .part.closed { opacity: 0.75; }
    .line { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .role { padding: 1px 8px; border-radius: 6px; font-size: 12px; font-weight: 600; background: var(--mat-sys-surface-container-high); }
    .role.lead { background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); }
    .role.support { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .kind { font-size: 18px; width: 18px; height: 18px; color: var(--mat-sys-on-surface-variant); }
    .who { font-weight: 600; flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
    .state { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .state.done { color: #1b7f3b; font-weight: 600; }
    .state.returned { color: var(--mat-sys-error); font-weight: 600; }
    .state.in_progress { color: #00695c; font-weight: 600; }
    .meta { display: flex; flex-wrap: wrap; gap: 2px 12px; margin-top: 4px; font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .due { display: inline-flex; align-items: center; gap: 3px; font-variant-numeric: tabular-nums; color: var(--mat-sys-on-surface); }
    .due mat-icon { font-size: 16px; width: 16px; height: 16px; }
    .due.overdue { color: var(--mat-sys-error); font-weight: 600; }
    .due.today, .due.soon { color: #a15c00; font-weight: 600; }
    .note { margin-top: 6px; font-size: 13px; overflow-wrap: anywhere; }
    @media (max-width: 599.98px) { .part { margin-inline-start: calc(var(--depth, 0) * 12px); } }
  `,
})
export class AssignmentTree {
  readonly assignments = input.required<readonly AssignmentDto[]>();
  protected readonly nodes = computed(() => assignmentTree(this.assignments()));
  protected readonly formatIsoDate = formatIsoDate;
  private readonly today = vietnamToday();

  protected dueOf(part: AssignmentDto) {
    return assignmentDue(part.dueOn, part.state, this.today);
  }

  protected deadline(part: AssignmentDto) {
    return deadlineText(part.dueOn, part.state, this.today);
  }
}
