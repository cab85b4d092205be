import { DestroyRef, Directive, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl } from '@angular/forms';
import { Observable } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldMap, FieldMessage, messageFor } from '../form-errors';
import { FormFailure, readFailure } from './form-failure';

/**
 * What every form of the action panel does alike: one request at a time, the refusal read onto the
 * fields (or as a sentence, or as a reload offer after a lost race), and the same three outcomes.
 */
@Directive()
export abstract class DirectionFormBase {
  protected readonly api = inject(ApiClient);
  protected readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  /** the request went through */
  readonly done = output<void>();
  readonly cancel = output<void>();
  /** a lost race: the page is to read the document again */
  readonly reload = output<void>();

  protected readonly sending = signal(false);
  protected readonly failure = signal<FormFailure | null>(null);

  /** The message under a control once the user has been there (or tried to send). */
  protected fieldMessage(control: AbstractControl): FieldMessage | null {
    return control.invalid && control.touched ? messageFor(control.errors) : null;
  }

  /** Sends one request; `onFailure` gets the read refusal for what the form shows beyond its fields. */
  protected run(
    request: Observable<unknown>,
    controls: Readonly<Record<string, AbstractControl>>,
    fieldMap: FieldMap,
    onFailure?: (failure: FormFailure) => void,
  ): void {
    this.sending.set(true);
    this.failure.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.sending.set(false);
        this.done.emit();
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const failure = readFailure(error, controls, fieldMap, this.language.current(), this.notifier.errorText(error));
        onFailure?.(failure);
        this.failure.set(failure);
      },
    });
  }
}
