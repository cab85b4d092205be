import { ChangeDetectionStrategy, Component, effect, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

/** Searching waits until the typing pauses, and for two letters: one letter finds everything. */
const TYPING_MS = 350;
const MIN_LENGTH = 2;

/** The search box: words of the subject, the issuer, the number or the text, accents optional. */
@Component({
  selector: 'app-search-box',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatIconModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
      <mat-icon matPrefix>search</mat-icon>
      <input
        matInput
        type="search"
        [formControl]="text"
        [placeholder]="'incoming.search.placeholder' | translate"
        [attr.aria-label]="'incoming.search.label' | translate"
        (keydown.enter)="now()"
        (keydown.escape)="clear()"
        autocomplete="off"
        data-testid="incoming-search"
      />
      @if (text.value) {
        <button matIconSuffix mat-icon-button type="button" (click)="clear()" [attr.aria-label]="'incoming.search.clear' | translate" data-testid="incoming-search-clear">
          <mat-icon>close</mat-icon>
        </button>
      }
    </mat-form-field>
  `,
  styles: `
    :host { display: block; }
    .search { width: 100%; }
  `,
})
export class SearchBox {
  readonly value = input('');
  readonly search = output<string>();
  protected readonly text = new FormControl('', { nonNullable: true });

  constructor() {
    effect(() => {
      const value = this.value();
      if (this.text.value.trim() !== value) this.text.setValue(value, { emitEvent: false });
    });
    this.text.valueChanges
      .pipe(
        map((text) => text.trim()),
        map((text) => (text.length >= MIN_LENGTH ? text : '')),
        debounceTime(TYPING_MS),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((text) => {
        if (text !== this.value()) this.search.emit(text);
      });
  }

  protected now(): void {
    const text = this.text.value.trim();
    if (text.length >= MIN_LENGTH && text !== this.value()) this.search.emit(text);
  }

  protected clear(): void {
    this.text.setValue('', { emitEvent: false });
    if (this.value()) this.search.emit('');
  }
}
