import { ApiProperty } from '@nestjs/swagger';
import type { StoredFileDto } from '@app/contracts';
import type { StoredFile } from '../stored-file.entity';

/** The API's view of a stored file (documents the contracts' StoredFileDto for OpenAPI). */
export class StoredFileResponseDto implements StoredFileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Tên tệp do người tải lên đặt; chỉ để hiển thị và đặt tên khi tải về.', example: 'Quyết định 15-QĐ-BYT.pdf' })
  originalName: string;

  @ApiProperty({ description: 'Kiểu dữ liệu nhận ra từ nội dung tệp, không theo tên tệp.', example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ description: 'Dung lượng, byte', example: 183422 })
  size: number;

  @ApiProperty({ description: 'SHA-256 của nội dung (hex chữ thường); cũng là ETag khi tải về', pattern: '^[0-9a-f]{64}$' })
  sha256: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Người tải lên' })
  createdById: string | null;
}

export function toStoredFileDto(file: StoredFile): StoredFileResponseDto {
  return {
    id: file.id,
    originalName: file.originalName,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    createdAt: file.createdAt.toISOString(),
    createdById: file.createdById,
  };
}
