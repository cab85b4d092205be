import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, ValidationErrors } from '@angular/forms';
import { isApiError } from '../../core/errors/error-message';
import { Language } from '../../core/i18n/language';
import { formatIsoDate, toIsoDate } from './incoming-format';

/** A message for the template: `{{ message.key | translate: message.params }}`. */
export interface FieldMessage {
  key: string;
  params?: Record<string, unknown>;
}

/** Text that is already in the user's language (from the server) goes through this key: `"{{message}}"`. */
export const VERBATIM_KEY = 'validation.server';

function dateParameter(value: unknown): string {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? formatIsoDate(toIsoDate(value)) : '';
}

/**
 * The one message to show under a field for its first error, from the client's validators, the
 * datepicker's, or the server's (set as `{ server: FieldMessage }` by applyServerErrors).
 */
export function messageFor(errors: ValidationErrors | null | undefined): FieldMessage | null {
  if (!errors) return null;
  if (errors['server']) return errors['server'] as FieldMessage;
  if (errors['required']) return { key: 'validation.required' };
  if (errors['matDatepickerParse'] || errors['matTimepickerParse']) return { key: errors['matTimepickerParse'] ? 'validation.time' : 'validation.date' };
  if (errors['minlength']) return { key: 'validation.minLength', params: { length: (errors['minlength'] as { requiredLength: number }).requiredLength } };
  if (errors['maxlength']) return { key: 'validation.maxLength', params: { length: (errors['maxlength'] as { requiredLength: number }).requiredLength } };
  if (errors['min']) return { key: 'validation.min', params: { min: (errors['min'] as { min: number }).min } };
  if (errors['max']) return { key: 'validation.max', params: { max: (errors['max'] as { max: number }).max } };
  if (errors['integer']) return { key: 'validation.integer' };
  if (errors['matDatepickerMin']) return { key: 'validation.dateTooEarly', params: { min: dateParameter((errors['matDatepickerMin'] as { min: unknown }).min) } };
  if (errors['matDatepickerMax']) return { key: 'validation.dateTooLate', params: { max: dateParameter((errors['matDatepickerMax'] as { max: unknown }).max) } };
  if (errors['future']) return { key: 'incoming.form.errors.arrivalInFuture' };
  if (errors['noRegister']) return { key: 'incoming.form.errors.noRegister' };
  return { key: 'validation.invalid' };
}

/** Whole-number validator for counts (số trang): `12` yes, `1.5` no; empty is left to `required`. */
export function integerValidator(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (value === null || value === undefined || value === '') return null;
  return Number.isInteger(Number(value)) ? null : { integer: true };
}

/** The API's validation detail: `{ field: 'subject', problems: ['subject must be …'] }`; service checks send the field alone. */
interface ApiFieldDetail {
  field: string;
  problems?: string[];
}

function isFieldDetail(value: unknown): value is ApiFieldDetail {
  return typeof value === 'object' && value !== null && typeof (value as ApiFieldDetail).field === 'string';
}

/**
 * class-validator writes its problems in English. The usual ones are recognised and translated, so a
 * Vietnamese clerk reads Vietnamese; anything else is shown as sent in English and as a plain
 * "invalid value" in Vietnamese.
 */
export function translateProblem(problem: string, language: Language): FieldMessage {
  const longer = /must be longer than or equal to (\d+) characters/.exec(problem);
  if (longer) return { key: 'validation.minLength', params: { length: Number(longer[1]) } };
  const shorter = /must be shorter than or equal to (\d+) characters/.exec(problem);
  if (shorter) return { key: 'validation.maxLength', params: { length: Number(shorter[1]) } };
  const notLess = /must not be less than (-?\d+)/.exec(problem);
  if (notLess) return { key: 'validation.min', params: { min: Number(notLess[1]) } };
  const notGreater = /must not be greater than (-?\d+)/.exec(problem);
  if (notGreater) return { key: 'validation.max', params: { max: Number(notGreater[1]) } };
  if (/should not be empty|must be a string/.test(problem)) return { key: 'validation.required' };
  if (/yyyy-MM-dd|ISO 8601|date string/i.test(problem)) return { key: 'validation.date' };
  return language === 'en' ? { key: VERBATIM_KEY, params: { message: problem } } : { key: 'validation.invalid' };
}

/** How the API's field names (and paths such as `attachmentFileIds.0`) map onto the form's controls. */
export type FieldMap = Readonly<Record<string, string>>;

export interface ServerErrors {
  /** control name → its message */
  fields: Record<string, FieldMessage>;
  /** the message for what no field shows (or the whole failure when it is not about fields) */
  general: string | null;
}

/**
 * Reads a failed save: the validation details become messages next to their fields, the rest one
 * sentence in the user's language. A detail without problems (the service's own checks, such as
 * "the arrival time cannot be in the future") takes the error's main message, which names it.
 */
export function serverErrors(error: unknown, fieldMap: FieldMap, language: Language): ServerErrors {
  if (!(error instanceof HttpErrorResponse) || !isApiError(error.error)) return { fields: {}, general: null };
  const body = error.error;
  const message = language === 'en' && body.messageEn ? body.messageEn : body.message;
  const details = Array.isArray(body.details) ? body.details.filter(isFieldDetail) : [];
  const fields: Record<string, FieldMessage> = {};
  let unplaced = details.length === 0;
  for (const detail of details) {
    const control = fieldMap[detail.field] ?? fieldMap[detail.field.split('.')[0]];
    if (!control) {
      unplaced = true;
      continue;
    }
    if (fields[control]) continue;
    const problem = detail.problems?.[0];
    fields[control] = problem ? translateProblem(problem, language) : { key: VERBATIM_KEY, params: { message } };
  }
  return { fields, general: unplaced ? message : null };
}

/**
 * Puts server messages on the controls (`{ server: message }`), marked touched so they show at once.
 * The message goes when the user edits the field: Angular recomputes the errors on the next change.
 * Returns the names that had no control (e.g. the main file, which is not a form control).
 */
export function applyServerErrors(controls: Readonly<Record<string, AbstractControl>>, fields: Record<string, FieldMessage>): string[] {
  const leftOver: string[] = [];
  for (const [name, message] of Object.entries(fields)) {
    const control = controls[name];
    if (!control) {
      leftOver.push(name);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
  }
  return leftOver;
}
