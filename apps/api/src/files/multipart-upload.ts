import busboy from 'busboy';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { ErrorCode } from '@app/contracts';
import { AppException, badRequest } from '../platform/errors/app-exception';
import { fileTooLarge } from './upload-inspector';

export interface IncomingFile {
  stream: Readable;
  fileName: string;
  /** what the client says the type is; not trusted */
  mimeType: string;
}

export interface MultipartLimits {
  /** the form field that carries the file */
  fieldName: string;
  maxBytes: number;
}

/** The parts of an HTTP request this needs (Express' Request is one). */
export type UploadRequest = Readable & { headers: IncomingHttpHeaders; readonly complete: boolean };

/** Room for the multipart framing and a few small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export const fileMissing = () =>
  badRequest(
    ErrorCode.FileMissing,
    'Chưa có tệp nào được gửi lên. Hãy chọn một tệp (trường "file" của biểu mẫu multipart/form-data).',
    'No file was sent. Choose a file (the "file" field of a multipart/form-data form).',
  );

const malformed = () =>
  badRequest(
    ErrorCode.ValidationFailed,
    'Dữ liệu tải lên bị lỗi hoặc bị ngắt giữa chừng. Hãy thử tải lên lại.',
    'The upload is malformed or was cut off. Try uploading again.',
  );

/**
 * Reads one file from a multipart/form-data request straight off the socket (no buffering in
 * memory or temp files) and hands its stream to `handle`, which must consume it. Other parts are
 * skipped. The file part is cut one byte past maxBytes, so the handler sees the overflow and refuses.
 */
export function receiveSingleFile<T>(request: UploadRequest, limits: MultipartLimits, handle: (file: IncomingFile) => Promise<T>): Promise<T> {
  const declaredLength = Number(request.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > limits.maxBytes + ENVELOPE_BYTES) return refuseUnread(request, fileTooLarge(limits.maxBytes));
  if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) return refuseUnread(request, fileMissing());

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      // browsers send the file name as raw UTF-8; busboy would read it as Latin-1
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: limits.maxBytes + 1, fields: 20, fieldSize: 8 * 1024, parts: 25, headerPairs: 50 },
    });
  } catch {
    return refuseUnread(request, malformed()); // e.g. multipart without a boundary
  }

  return new Promise<T>((resolve, reject) => {
    let handling: Promise<T> | null = null;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Stop parsing (which also fails a file stream still open, so its handler cleans up) and
      // drop the rest of the body, so that the answer can go out now.
      request.unpipe(parser);
      request.resume();
      parser.destroy();
      reject(error);
    };

    parser.on('file', (field, stream, info) => {
      if (field !== limits.fieldName || handling) {
        stream.resume();
        return;
      }
      handling = handle({ stream, fileName: info.filename, mimeType: info.mimeType });
      handling.catch(fail);
    });
    parser.on('error', () => fail(malformed()));
    parser.on('close', () => {
      if (!handling) return fail(fileMissing());
      handling.then(
        (result) => {
          if (settled) return;
          settled = true;
          resolve(result);
        },
        fail,
      );
    });
    // the client went away mid-upload
    request.on('close', () => {
      if (!request.complete) fail(malformed());
    });
    request.pipe(parser);
  });
}

/** Answers without reading the body; Node discards what the client still sends. */
function refuseUnread<T>(request: UploadRequest, error: AppException): Promise<T> {
  request.resume();
  return Promise.reject(error);
}
