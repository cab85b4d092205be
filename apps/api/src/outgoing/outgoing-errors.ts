import { HttpStatus } from '@nestjs/common';
import { ErrorCode, OUTGOING_STATE_LABELS, OutgoingErrorCode, OutgoingState } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';

export const outgoingNotFound = () =>
  new AppException(HttpStatus.NOT_FOUND, OutgoingErrorCode.OutgoingDocumentNotFound, 'Không tìm thấy văn bản đi.', 'Outgoing document not found.');

export const versionNotFound = (number: number) =>
  new AppException(HttpStatus.NOT_FOUND, OutgoingErrorCode.DraftVersionNotFound, `Dự thảo không có phiên bản ${number}.`, `The draft has no version ${number}.`);

export const wrongState = (state: OutgoingState) =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.InvalidState,
    `Văn bản đang ở trạng thái "${OUTGOING_STATE_LABELS[state].vi}", không thực hiện được thao tác này.`,
    `The document is "${OUTGOING_STATE_LABELS[state].en}"; this cannot be done now.`,
  );

export const invalidChain = (vi: string, en: string) => new AppException(HttpStatus.BAD_REQUEST, OutgoingErrorCode.InvalidReviewChain, vi, en, [{ field: 'steps' }]);
