import { Injectable, PipeTransform } from '@nestjs/common';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, ErrorCode } from '@app/contracts';
import { badRequest } from '../errors/app-exception';

/** `:year` in the path: four digits within the years the calendar covers, else a 400 that says so. */
@Injectable()
export class ParseYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR) return year;
    throw badRequest(
      ErrorCode.ValidationFailed,
      `Năm trong đường dẫn không hợp lệ (cần ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}).`,
      `The year in the path is not valid (${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} expected).`,
      [{ field: 'year', problems: ['range'] }],
    );
  }
}
