import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AssigneeOption, filterOptions } from './assignee-options';

/**
 * Units and people for one role (Chủ trì, Phối hợp, Để biết), typed and picked like e-mail
 * recipients. With `single`, a new pick replaces the old one: a document has exactly one lead.
 * What another role already holds is not offered: one unit or person, one role.
 */
@Component({
  selector: 'app-assignee-picker',
  imports: [MatFormFieldModule, MatChipsModule, MatAutocompleteModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label()">
        @for (option of selected(); track option.id) {
          <mat-chip-row (removed)="remove(option)" [class.unit]="option.kind === 'unit'" data-testid="assignee-chip">
            <mat-icon matChipAvatar>{{ option.kind === 'unit' ? 'apartment' : 'person' }}</mat-icon>
            {{ option.label }}
            <button matChipRemove type="button" [attr.aria-label]="'incoming.direction.removeAssignee' | translate: { name: option.label }">
              <mat-icon>cancel</mat-icon>
            </button>
          </mat-chip-row>
        }
        <input
          #text
          [placeholder]="selected().length && single() ? '' : ('incoming.direction.pickHint' | translate)"
          [matChipInputFor]="grid"
          [matAutocomplete]="list"
          (input)="typed.set(text.value)"
          autocomplete="off"
          [attr.data-testid]="testId()"
        />
      </mat-chip-grid>
      <mat-autocomplete #list="matAutocomplete" (optionSelected)="pick($event); text.value = ''; typed.set('')" [hideSingleSelectionIndicator]="true">
        @for (option of matches(); track option.id) {
          <mat-option [value]="option">
            <mat-icon>{{ option.kind === 'unit' ? 'apartment' : 'person' }}</mat-icon>
            <span class="name">{{ option.label }}</span>
            @if (option.hint) {
              <span class="hint">{{ option.hint }}</span>
            }
          </mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
    @if (error()) {
      <!-- the chip grid has no form control, so the message is drawn here rather than as a mat-error -->
      <div class="error" role="alert">{{ error() }}</div>
    }
  `,
  styles: `
    :host { display: block; }
    .field { width: 100%; }
    .hint { margin-inline-start: 8px; font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .error { margin: 4px 16px 0; font-size: 12px; color: var(--mat-sys-error); }
    .unit { --mat-chip-elevated-container-color: var(--mat-sys-secondary-container); }
  `,
})
export class AssigneePicker {
  readonly label = input.required<string>();
  readonly options = input.required<readonly AssigneeOption[]>();
  /** ids another role holds already */
  readonly taken = input<ReadonlySet<string>>(new Set());
  readonly single = input(false);
  readonly testId = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly selected = model<AssigneeOption[]>([]);

  protected readonly typed = signal('');
  protected readonly matches = computed(() => {
    const taken = new Set([...this.taken(), ...this.selected().map((option) => option.id)]);
    return filterOptions(this.options(), this.typed(), taken);
  });

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const option = event.option.value as AssigneeOption;
    this.selected.update((current) => (this.single() ? [option] : [...current, option]));
  }

  protected remove(option: AssigneeOption): void {
    this.selected.update((current) => current.filter((item) => item.id !== option.id));
  }
}
