import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';
import { AppException } from './app-exception';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The global validation at the edge: unknown fields refused, types transformed, one error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = details.map((detail) => detail.field).join(', ');
      return new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        `Dữ liệu không hợp lệ ở: ${fields}.`,
        `Invalid data in: ${fields}.`,
        details,
      );
    },
  });
}
