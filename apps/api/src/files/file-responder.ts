import { HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';
import { requestedRange } from './byte-range';
import { attachmentDisposition } from './file-names';
import type { FileActor } from './files.service';
import { FilesService } from './files.service';
import type { StoredFile } from './stored-file.entity';

/**
 * Answers a download of a stored file: single byte ranges (206) with If-Range on the SHA-256 ETag,
 * safe headers, no caching, and the audit entry FilesService.open writes. The caller has decided
 * that the actor may read the file — /api/files by uploader, documents by their own visibility.
 */
@Injectable()
export class FileResponder {
  constructor(private readonly files: FilesService) {}

  async send(file: StoredFile, actor: FileActor, request: Request, response: Response): Promise<void> {
    const etag = `"${file.sha256}"`;
    const range = requestedRange(request.get('range'), request.get('if-range'), file.size, etag);
    if (range === 'unsatisfiable') {
      response.setHeader('Content-Range', `bytes */${file.size}`);
      throw new AppException(
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
        ErrorCode.RangeNotSatisfiable,
        'Đoạn dữ liệu yêu cầu nằm ngoài tệp.',
        'The requested range lies outside the file.',
        { size: file.size },
      );
    }
    const content = await this.files.open(file, actor, range);
    response.status(range ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK).set({
      'Content-Type': file.mediaType,
      'Content-Length': String(range ? range.end - range.start + 1 : file.size),
      'Content-Disposition': attachmentDisposition(file.originalName),
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      'Accept-Ranges': 'bytes',
      // confidential documents: no shared or disk caches; the ETag still serves If-Range
      'Cache-Control': 'private, no-store',
      ...(range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}` } : {}),
    });
    await stream(content, response);
  }
}

/** Streams to the client; a client that goes away mid-download is not an error of ours. */
async function stream(content: Readable, response: Response): Promise<void> {
  try {
    await pipeline(content, response);
  } catch {
    content.destroy();
    response.destroy();
  }
}
