import { HttpStatus } from '@nestjs/common';
import { SignatureErrorCode } from '@app/contracts';
import { PdfErrorCode } from '../files/pdf/pdf-errors';
import { AppException, forbidden } from '../platform/errors/app-exception';

/** 422: the request is well formed, but the passphrase does not open the key. */
export const wrongPassphrase = () =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    SignatureErrorCode.WrongPassphrase,
    'Mật khẩu khoá ký số không đúng. Văn bản chưa được ký; hãy nhập lại mật khẩu.',
    'The signing key passphrase is wrong. The document was not signed; enter the passphrase again.',
  );

export const credentialInvalid = (reason: string) =>
  new AppException(
    HttpStatus.BAD_REQUEST,
    SignatureErrorCode.CredentialInvalid,
    'Tệp khoá ký số không dùng được: không phải tệp PKCS#12 (.p12/.pfx) hợp lệ, hoặc không có khoá bí mật và chứng thư số tương ứng.',
    'The signing key file cannot be used: it is not a valid PKCS#12 (.p12/.pfx) file, or it lacks a private key with its matching certificate.',
    { reason },
  );

/** A stored credential that no longer opens: a server-side inconsistency, reported as a 422 the admin can fix by re-uploading. */
export const credentialUnusable = (reason: string) =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    SignatureErrorCode.CredentialInvalid,
    'Khoá ký số đã lưu không dùng được. Hãy nhờ quản trị tải lên lại tệp khoá.',
    'The stored signing key cannot be used. Ask an administrator to upload the key file again.',
    { reason },
  );

export const credentialMissing = (whose: 'user' | 'organisation') =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    SignatureErrorCode.CredentialMissing,
    whose === 'user'
      ? 'Người ký chưa có khoá ký số trên hệ thống. Hãy nhờ quản trị tải lên chứng thư số (.p12) trước khi ký.'
      : 'Cơ quan chưa có khoá ký số (chữ ký số cơ quan) trên hệ thống. Hãy nhờ quản trị tải lên chứng thư số của cơ quan.',
    whose === 'user'
      ? 'The signer has no signing key in the system. Ask an administrator to upload a certificate (.p12) before signing.'
      : "The organisation has no signing key (digital seal) in the system. Ask an administrator to upload the organisation's certificate.",
  );

export const credentialExpired = (notAfter: string) =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    SignatureErrorCode.CredentialExpired,
    `Chứng thư số đã hết hạn hoặc chưa có hiệu lực (hạn đến ${notAfter}). Hãy gia hạn chứng thư số.`,
    `The certificate has expired or is not valid yet (valid until ${notAfter}). Renew the certificate.`,
  );

export const credentialNotFound = () =>
  new AppException(HttpStatus.NOT_FOUND, SignatureErrorCode.CredentialNotFound, 'Không tìm thấy khoá ký số này.', 'This signing key was not found.');

export const imageInvalid = (vi: string, en: string) => new AppException(HttpStatus.BAD_REQUEST, SignatureErrorCode.ImageInvalid, vi, en);

export const notSignedBySigner = () =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    SignatureErrorCode.NotSignedBySigner,
    'Văn bản chưa có chữ ký số của người có thẩm quyền nên văn thư chưa được ký số cơ quan (Nghị định 30, Điều 32).',
    "The document has no signature of the competent signer yet, so the clerk may not apply the organisation's signature (Decree 30, Art. 32).",
  );

export const notAllowedToSign = () => forbidden('Bạn không có quyền ký số văn bản này.', 'You are not allowed to sign this document.');

/**
 * PDF refusals of this context. Same codes as the files context's PDF tools, but the statuses the
 * signing API promises: 415 for what is not a PDF we can sign (not a PDF, encrypted), 400 for a
 * damaged file.
 */
export const notAPdf = (fileName: string) =>
  new AppException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    PdfErrorCode.NotAPdf,
    `Tệp "${fileName}" không phải PDF. Chỉ ký số và kiểm tra chữ ký được trên tệp PDF.`,
    `The file "${fileName}" is not a PDF. Only PDF files can be signed or checked.`,
  );

export const pdfUnreadable = (fileName: string, reason?: string) =>
  new AppException(
    HttpStatus.BAD_REQUEST,
    PdfErrorCode.PdfUnreadable,
    `Không đọc được tệp PDF "${fileName}": tệp bị hỏng hoặc không đúng định dạng.`,
    `The PDF "${fileName}" cannot be read: it is damaged or malformed.`,
    reason ? { reason } : undefined,
  );

export const pdfEncrypted = (fileName: string) =>
  new AppException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    PdfErrorCode.PdfEncrypted,
    `Tệp PDF "${fileName}" được mã hoá (đặt mật khẩu hoặc khoá chỉnh sửa) nên không ký số được. Hãy dùng bản không mã hoá.`,
    `The PDF "${fileName}" is encrypted (password or editing lock), so it cannot be signed. Use an unencrypted copy.`,
  );

export const signatureBroken = (fieldName: string, problem: string | null) =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    SignatureErrorCode.SignatureBroken,
    `Chữ ký số "${fieldName}" trên văn bản không còn hợp lệ (văn bản đã bị thay đổi sau khi ký?). Không ký tiếp trên văn bản này.`,
    `The signature "${fieldName}" on the document is no longer valid (changed after signing?). The document will not be signed further.`,
    { fieldName, problem },
  );

export const noSigner = (provider: string) =>
  new AppException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    SignatureErrorCode.SigningFailed,
    `Hệ thống chưa hỗ trợ nơi giữ khoá "${provider}".`,
    `The key provider "${provider}" is not supported by this system.`,
  );

export const credentialLocked = (until: Date) => {
  const time = until.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
  return new AppException(
    HttpStatus.TOO_MANY_REQUESTS,
    SignatureErrorCode.CredentialLocked,
    `Khoá ký số tạm bị khoá vì nhập sai mật khẩu nhiều lần liên tiếp. Hãy thử lại sau ${time}.`,
    `The signing key is locked for a while after too many wrong passphrases in a row. Try again after ${time} (Vietnam time).`,
    { lockedUntil: until.toISOString() },
  );
};
