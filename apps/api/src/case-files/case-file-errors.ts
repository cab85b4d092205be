import { HttpStatus } from '@nestjs/common';
import { CaseFileErrorCode, ClosingCheckDto } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';

export const caseFileNotFound = () =>
  new AppException(HttpStatus.NOT_FOUND, CaseFileErrorCode.CaseFileNotFound, 'Không tìm thấy hồ sơ.', 'Case file not found.');

/** A closed (or archived) case file is read-only: every change is refused with 409. */
export const caseFileClosed = () =>
  new AppException(
    HttpStatus.CONFLICT,
    CaseFileErrorCode.CaseFileClosed,
    'Hồ sơ đã kết thúc, chỉ còn được xem; không thể thay đổi.',
    'The case file is closed and read-only; it cannot be changed.',
  );

export const caseFileIncomplete = (check: ClosingCheckDto) =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    CaseFileErrorCode.CaseFileIncomplete,
    `Chưa thể kết thúc hồ sơ: ${check.reasons.length} vấn đề cần xử lý.`,
    `The case file cannot be closed yet: ${check.reasons.length} problem(s) to fix.`,
    { reasons: check.reasons },
  );
