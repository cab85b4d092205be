import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { NotificationListQueryDto, NotificationPageResponseDto, UnreadCountResponseDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** Everyone signed in has their own notifications; nobody reads another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Thông báo của tôi, mới nhất trước / My notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageResponseDto })
  list(@Query() query: NotificationListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<NotificationPageResponseDto> {
    return this.notifications.list(user.id, query);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOkResponse({ type: UnreadCountResponseDto })
  unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountResponseDto> {
    return this.notifications.unreadCount(user.id);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc / Mark all read' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountResponseDto> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark read' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  read(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<UnreadCountResponseDto> {
    return this.notifications.markRead(user.id, id);
  }
}
