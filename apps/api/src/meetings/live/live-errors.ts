import { HttpStatus } from '@nestjs/common';
import { AnnotationErrorCode, ErrorCode, MeetingErrorCode } from '@app/contracts';
import { AppException, forbidden } from '../../platform/errors/app-exception';
import { ShapeProblem } from './annotations/annotation-shape';

export const annotationNotFound = () => new AppException(HttpStatus.NOT_FOUND, AnnotationErrorCode.AnnotationNotFound, 'Không tìm thấy ghi chú.', 'Annotation not found.');

export const invalidAnnotation = (problem: ShapeProblem) => new AppException(HttpStatus.BAD_REQUEST, AnnotationErrorCode.InvalidAnnotation, problem.vi, problem.en);

export const pageOutOfRange = (pageCount: number) =>
  new AppException(HttpStatus.BAD_REQUEST, AnnotationErrorCode.InvalidAnnotation, `Tài liệu chỉ có ${pageCount} trang.`, `The material has only ${pageCount} pages.`);

export const notTheAuthor = () => forbidden('Chỉ người tạo ghi chú mới sửa hoặc xoá được ghi chú đó.', 'Only the author of an annotation can change or delete it.');

export const tooFast = () =>
  new AppException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RateLimited, 'Bạn ghi chú quá nhanh, hãy chờ một chút.', 'Annotations are coming too fast; wait a moment.');

/** A live command of a meeting's room from a socket that has not joined it. */
export const notInThisMeeting = () => new AppException(HttpStatus.FORBIDDEN, MeetingErrorCode.NotAParticipant, 'Hãy vào phòng họp trước.', 'Join the meeting room first.');

export const notTheLeader = () =>
  new AppException(
    HttpStatus.FORBIDDEN,
    AnnotationErrorCode.NotTheLeader,
    'Chỉ người chủ trì hoặc người trình bày mới điều khiển được trang của mọi người.',
    'Only the chair or a presenter can lead the page everyone follows.',
  );

/** Runs a check of a client's input: what it finds wrong is a 400 with the reason, before anything is written. */
export function checkedInput<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ShapeProblem) throw invalidAnnotation(error);
    throw error;
  }
}
