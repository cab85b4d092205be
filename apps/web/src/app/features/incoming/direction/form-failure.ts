import { AbstractControl } from '@angular/forms';
import { ErrorCode } from '@app/contracts';
import { apiErrorCode } from '../../../core/errors/error-message';
import { Language } from '../../../core/i18n/language';
import { FieldMap, FieldMessage, applyServerErrors, serverErrors } from '../form-errors';

/** What a direction form shows after a refused request, besides the messages on its fields. */
export interface FormFailure {
  /** the sentence for what no field shows; null when every problem sits next to its field */
  message: string | null;
  /** someone changed the document meanwhile (409 VERSION_CONFLICT): only a reload helps */
  conflict: boolean;
  /** field messages for what is not a form control (the assignees, picked as chips) */
  others: Record<string, FieldMessage>;
}

/**
 * Reads a refused request: field problems go next to their fields, a lost race offers a reload,
 * anything else becomes one sentence (`fallback` when the server said nothing readable).
 */
export function readFailure(
  error: unknown,
  controls: Readonly<Record<string, AbstractControl>>,
  fieldMap: FieldMap,
  language: Language,
  fallback: string,
): FormFailure {
  if (apiErrorCode(error) === ErrorCode.VersionConflict) return { message: null, conflict: true, others: {} };
  const { fields, general } = serverErrors(error, fieldMap, language);
  const leftOver = applyServerErrors(controls, fields);
  const others = Object.fromEntries(leftOver.map((name) => [name, fields[name]]));
  const placed = Object.keys(fields).length > 0;
  return { message: general ?? (placed ? null : fallback), conflict: false, others };
}
