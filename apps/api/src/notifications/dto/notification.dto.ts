import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Page, StoredNotificationDto, UnreadCountDto } from '@app/contracts';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ description: 'only the unread ones' })
  @IsOptional()
  // query strings are text: only the words true/false are accepted, not any non-empty string
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) cursor?: string;

  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class StoredNotificationResponseDto implements StoredNotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'incoming.assigned' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, example: '/incoming/7d3f…' }) link: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
}

export class NotificationPageResponseDto implements Page<StoredNotificationDto> {
  @ApiProperty({ type: [StoredNotificationResponseDto] }) items: StoredNotificationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class UnreadCountResponseDto implements UnreadCountDto {
  @ApiProperty() unread: number;
}
