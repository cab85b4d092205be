import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../platform/errors/app-exception';

/** Stable codes of the PDF failures (clients branch on them; the messages are for people). */
export const PdfErrorCode = {
  NotAPdf: 'NOT_A_PDF',
  PdfUnreadable: 'PDF_UNREADABLE',
  PdfEncrypted: 'PDF_ENCRYPTED',
  OcrFailed: 'OCR_FAILED',
} as const;
export type PdfErrorCode = (typeof PdfErrorCode)[keyof typeof PdfErrorCode];

/** Any refusal of the PDF tools: the file, not the server, is the problem (except OcrFailedError). */
export abstract class PdfError extends AppException {}

export class NotAPdfError extends PdfError {
  constructor(fileName: string, mediaType: string) {
    super(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      PdfErrorCode.NotAPdf,
      `Tệp "${fileName}" không phải PDF (${mediaType}). Chỉ xử lý được tệp PDF.`,
      `The file "${fileName}" is not a PDF (${mediaType}). Only PDF files can be processed.`,
    );
  }
}

/** Damaged beyond what the reader can repair, or not a PDF inside at all. */
export class PdfUnreadableError extends PdfError {
  constructor(fileName: string, reason?: string) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      PdfErrorCode.PdfUnreadable,
      `Không đọc được tệp PDF "${fileName}": tệp bị hỏng hoặc không đúng định dạng. Hãy xin bên gửi tệp khác.`,
      `The PDF "${fileName}" cannot be read: it is damaged or malformed. Ask the sender for another copy.`,
      reason ? { reason } : undefined,
    );
  }
}

/** Needs a password to open, or (for changing it) is encrypted at all. */
export class PdfEncryptedError extends PdfError {
  constructor(fileName: string, needsPassword: boolean) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      PdfErrorCode.PdfEncrypted,
      needsPassword
        ? `Tệp PDF "${fileName}" có mật khẩu nên hệ thống không đọc được. Hãy xin bên gửi bản không đặt mật khẩu.`
        : `Tệp PDF "${fileName}" được mã hoá (khoá chỉnh sửa) nên không thể đóng dấu hay nhận dạng chữ trên bản sao.`,
      needsPassword
        ? `The PDF "${fileName}" is password-protected, so it cannot be read. Ask the sender for a copy without a password.`
        : `The PDF "${fileName}" is encrypted (editing is locked), so no stamp or text layer can be added to a copy.`,
      { needsPassword },
    );
  }
}

/** OCR ran but did not finish (timeout, crash): a server-side failure a job may retry. */
export class OcrFailedError extends AppException {
  constructor(fileName: string, reason: string) {
    super(
      HttpStatus.INTERNAL_SERVER_ERROR,
      PdfErrorCode.OcrFailed,
      `Không nhận dạng được chữ trong tệp "${fileName}". Văn bản vẫn dùng được, chỉ chưa tìm kiếm được theo nội dung.`,
      `Text recognition failed for "${fileName}". The document stays usable, only not searchable by content.`,
      { reason },
    );
  }
}
