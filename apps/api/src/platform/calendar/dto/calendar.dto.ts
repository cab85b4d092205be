import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  CalendarDayDto,
  CalendarDayKind,
  CalendarExceptionKind,
  CalendarYearDto,
  CreateCalendarExceptionRequest,
  DeadlineDto,
  DeadlineQuery,
  MAX_DEADLINE_WORKING_DAYS,
} from '@app/contracts';
import { isCalendarDate, vietnamDate } from '../calendar-date';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const inCalendar = (year: number) => year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;
const RANGE = `${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}`;

/** A real date `yyyy-MM-dd` in a year the calendar covers (2026-02-30 and 30/04/2026 are refused). */
const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value) => typeof value === 'string' && isCalendarDate(value) && inCalendar(Number(value.slice(0, 4))),
      defaultMessage: () => `date: ngày có thật dạng yyyy-MM-dd, năm ${RANGE} / a real date yyyy-MM-dd, year ${RANGE}`,
    },
  });

/** An instant with its offset (Z or ±hh:mm): without one, "16:00" would be read in the server's zone. */
const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) =>
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
        isCalendarDate(value.slice(0, 10)) &&
        !Number.isNaN(Date.parse(value)) &&
        inCalendar(Number(vietnamDate(new Date(value)).slice(0, 4))),
      defaultMessage: () => `from: thời điểm ISO 8601 có múi giờ, ví dụ 2026-04-24T16:00:00+07:00 / an ISO 8601 instant with its offset`,
    },
  });

export class CalendarDayResponseDto implements CalendarDayDto {
  @ApiProperty({ example: '2026-04-27' }) date: string;
  @ApiProperty({ enum: ['holiday', 'day_off', 'working_day'] }) kind: CalendarDayKind;
  @ApiProperty({ example: 'Nghỉ bù ngày 26/04: Giỗ Tổ Hùng Vương (10/3 Âm lịch)' }) name: string;
  @ApiProperty({ enum: ['rule', 'admin'] }) source: 'rule' | 'admin';
  @ApiProperty({ type: String, nullable: true, description: 'the exception id (admin entries only)' }) id: string | null;
  @ApiProperty({ description: 'worked after all rules and exceptions' }) working: boolean;
}

export class CalendarYearResponseDto implements CalendarYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [CalendarDayResponseDto] }) days: CalendarDayResponseDto[];
}

export class CreateCalendarExceptionDto implements CreateCalendarExceptionRequest {
  @ApiProperty({ example: '2026-05-09', description: 'a date in Vietnam, yyyy-MM-dd' }) @IsCalendarDate() date: string;

  @ApiProperty({ enum: ['day_off', 'working_day'], description: 'day_off: a weekday not worked; working_day: a weekend day or holiday worked' })
  @IsIn(['day_off', 'working_day'])
  kind: CalendarExceptionKind;

  @ApiProperty({ example: 'Làm bù cho thứ Hai 04/05' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) name: string;
}

export class DeadlineQueryDto implements DeadlineQuery {
  @ApiProperty({ example: '2026-04-24T16:00:00+07:00', description: 'counting starts on the next working day after this instant’s date in Vietnam' })
  @IsInstant()
  from: string;

  @ApiProperty({ example: 5, minimum: 0, maximum: MAX_DEADLINE_WORKING_DAYS, description: '0 = that day if worked, else the next working day' })
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(MAX_DEADLINE_WORKING_DAYS)
  workingDays: number;
}

export class DeadlineResponseDto implements DeadlineDto {
  @ApiProperty({ example: '2026-05-04' }) dueDate: string;
  @ApiProperty({ example: '2026-05-04T16:59:59.999Z', description: 'end of that day in Vietnam' }) dueAt: string;
}
