import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, Validators } from '@angular/forms';
import { ApiError, ErrorCode } from '@app/contracts';
import { FieldMap, VERBATIM_KEY, applyServerErrors, integerValidator, messageFor, serverErrors, translateProblem } from './form-errors';

const FIELDS: FieldMap = { subject: 'subject', arrivedAt: 'arrivalDate', issuerOrganId: 'issuerName', issuerName: 'issuerName', mainFileId: 'mainFile', attachmentFileIds: 'attachments' };

function failure(body: ApiError): HttpErrorResponse {
  return new HttpErrorResponse({ status: body.statusCode, error: body, url: '/api/incoming-documents' });
}

describe('serverErrors', () => {
  it('puts class-validator problems next to their fields, translated', () => {
    const error = failure({
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: 'Dữ liệu không hợp lệ ở: subject.',
      messageEn: 'Invalid data in: subject.',
      details: [{ field: 'subject', problems: ['subject must be longer than or equal to 3 characters'] }],
    });
    expect(serverErrors(error, FIELDS, 'vi')).toEqual({ fields: { subject: { key: 'validation.minLength', params: { length: 3 } } }, general: null });
  });

  it("uses the error's own sentence for a service check that names only the field", () => {
    const error = failure({
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: 'Ngày đến không thể ở tương lai.',
      messageEn: 'The arrival time cannot be in the future.',
      details: [{ field: 'arrivedAt' }],
    });
    expect(serverErrors(error, FIELDS, 'vi').fields).toEqual({ arrivalDate: { key: VERBATIM_KEY, params: { message: 'Ngày đến không thể ở tương lai.' } } });
    expect(serverErrors(error, FIELDS, 'en').fields).toEqual({ arrivalDate: { key: VERBATIM_KEY, params: { message: 'The arrival time cannot be in the future.' } } });
  });

  it('maps nested paths and several API fields onto one control, first problem wins', () => {
    const error = failure({
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: 'x',
      details: [
        { field: 'attachmentFileIds.1', problems: ['each value in attachmentFileIds must be a UUID'] },
        { field: 'issuerName', problems: ['issuerName must be shorter than or equal to 200 characters'] },
        { field: 'issuerOrganId', problems: ['issuerOrganId must be a string'] },
      ],
    });
    expect(serverErrors(error, FIELDS, 'en').fields).toEqual({
      attachments: { key: VERBATIM_KEY, params: { message: 'each value in attachmentFileIds must be a UUID' } },
      issuerName: { key: 'validation.maxLength', params: { length: 200 } },
    });
  });

  it('keeps a general message for fields the form does not have', () => {
    const error = failure({ statusCode: 400, code: ErrorCode.ValidationFailed, message: 'Dữ liệu không hợp lệ ở: foo.', messageEn: 'Invalid data in: foo.', details: [{ field: 'foo', problems: ['foo should not exist'] }] });
    expect(serverErrors(error, FIELDS, 'en')).toEqual({ fields: {}, general: 'Invalid data in: foo.' });
  });

  it('gives the whole sentence when the failure is not about fields', () => {
    const error = failure({ statusCode: 409, code: ErrorCode.FileAlreadyUsed, message: 'Tệp này đã thuộc một văn bản khác.', messageEn: 'This file already belongs to another document.' });
    expect(serverErrors(error, FIELDS, 'vi')).toEqual({ fields: {}, general: 'Tệp này đã thuộc một văn bản khác.' });
  });

  it('has nothing to say about failures that are not API errors', () => {
    expect(serverErrors(new HttpErrorResponse({ status: 0 }), FIELDS, 'vi')).toEqual({ fields: {}, general: null });
    expect(serverErrors(new Error('boom'), FIELDS, 'vi')).toEqual({ fields: {}, general: null });
  });
});

describe('translateProblem', () => {
  it('recognises the usual class-validator sentences', () => {
    expect(translateProblem('pageCount must not be greater than 999', 'vi')).toEqual({ key: 'validation.max', params: { max: 999 } });
    expect(translateProblem('pageCount must not be less than 1', 'vi')).toEqual({ key: 'validation.min', params: { min: 1 } });
    expect(translateProblem('promulgatedOn: ngày dạng yyyy-MM-dd / a date as yyyy-MM-dd', 'vi')).toEqual({ key: 'validation.date' });
    expect(translateProblem('subject should not be empty', 'en')).toEqual({ key: 'validation.required' });
  });

  it('never shows English to a Vietnamese user', () => {
    expect(translateProblem('registerId must be a UUID', 'vi')).toEqual({ key: 'validation.invalid' });
    expect(translateProblem('registerId must be a UUID', 'en')).toEqual({ key: VERBATIM_KEY, params: { message: 'registerId must be a UUID' } });
  });
});

describe('applyServerErrors', () => {
  it('marks the controls so the message shows at once, and reports what had no control', () => {
    const subject = new FormControl('ab');
    const leftOver = applyServerErrors({ subject }, { subject: { key: 'validation.minLength', params: { length: 3 } }, mainFile: { key: 'x' } });
    expect(subject.touched).toBe(true);
    expect(messageFor(subject.errors)).toEqual({ key: 'validation.minLength', params: { length: 3 } });
    expect(leftOver).toEqual(['mainFile']);
  });

  it('lets the message go once the user edits the field', () => {
    const subject = new FormControl('ab');
    applyServerErrors({ subject }, { subject: { key: 'validation.invalid' } });
    subject.setValue('abc');
    expect(subject.errors).toBeNull();
  });
});

describe('messageFor', () => {
  it('turns validator errors into translation keys with their parameters', () => {
    const subject = new FormControl('x'.repeat(501), [Validators.required, Validators.maxLength(500)]);
    expect(messageFor(subject.errors)).toEqual({ key: 'validation.maxLength', params: { length: 500 } });
    expect(messageFor(new FormControl('', Validators.required).errors)).toEqual({ key: 'validation.required' });
    expect(messageFor(new FormControl(0, Validators.min(1)).errors)).toEqual({ key: 'validation.min', params: { min: 1 } });
    expect(messageFor(null)).toBeNull();
  });

  it("shows the datepicker's limits as dd/MM/yyyy", () => {
    expect(messageFor({ matDatepickerMin: { min: new Date(2026, 10, 20), actual: new Date(2026, 10, 1) } })).toEqual({
      key: 'validation.dateTooEarly',
      params: { min: '20/11/2026' },
    });
    expect(messageFor({ matDatepickerParse: { text: '31/02/2026' } })).toEqual({ key: 'validation.date' });
  });

  it('prefers what the server said', () => {
    expect(messageFor({ required: true, server: { key: VERBATIM_KEY, params: { message: 'Sai' } } })).toEqual({ key: VERBATIM_KEY, params: { message: 'Sai' } });
  });
});

describe('integerValidator', () => {
  it('accepts whole numbers and nothing, refuses fractions', () => {
    expect(integerValidator(new FormControl(12))).toBeNull();
    expect(integerValidator(new FormControl(null))).toBeNull();
    expect(integerValidator(new FormControl(1.5))).toEqual({ integer: true });
  });
});
