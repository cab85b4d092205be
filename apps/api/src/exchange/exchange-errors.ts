import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';

export const axisNotConfigured = () =>
  new AppException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.InvalidState, 'Hệ thống chưa được cấu hình kết nối trục liên thông (AXIS_ENDPOINT).', 'The connection to the axis is not configured (AXIS_ENDPOINT).');
