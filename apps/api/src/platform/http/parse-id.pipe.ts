import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { badRequest } from '../errors/app-exception';

/** Route ids are UUIDs; anything else is a 400 that says so, before any query runs. */
@Injectable()
export class ParseIdPipe extends ParseUUIDPipe {
  constructor() {
    super({
      exceptionFactory: () =>
        badRequest(ErrorCode.ValidationFailed, 'Mã định danh trong đường dẫn không hợp lệ (cần dạng UUID).', 'The id in the path is not valid (a UUID is expected).'),
    });
  }
}
