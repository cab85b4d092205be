import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { DataSource, IsNull } from 'typeorm';
import type { SignatureImageDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { UsersService } from '../../identity/users.service';
import { Clock } from '../../platform/clock/clock';
import type { Actor } from '../keys/signing-credentials.service';
import { imageInvalid } from '../signature-errors';
import { inspectPng } from './png';
import { SignatureImage } from './signature-image.entity';

/** A signature or seal scan larger than this is not a scan but a mistake (300 dpi of 5 cm is 600 px). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const MAX_IMAGE_PIXELS = 4000;

export type ImageOwner = { kind: 'signature'; userId: string } | { kind: 'seal' };

export function toImageDto(row: SignatureImage): SignatureImageDto {
  return {
    id: row.id,
    kind: row.kind,
    userId: row.userId,
    widthPx: row.widthPx,
    heightPx: row.heightPx,
    realWidthMm: row.realWidthMm,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

const ownerWhere = (owner: ImageOwner) => (owner.kind === 'signature' ? { kind: owner.kind, userId: owner.userId } : { kind: owner.kind, userId: IsNull() });

/** The signer's signature image and the organisation's seal (Decree 30 Phụ lục I §II.7–8). */
@Injectable()
export class SignatureImagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<SignatureImageDto[]> {
    return (await this.dataSource.getRepository(SignatureImage).find({ order: { kind: 'ASC', createdAt: 'ASC' } })).map(toImageDto);
  }

  /** The PNG bytes and facts of the owner's image, or null when none was uploaded. */
  async find(owner: ImageOwner): Promise<(SignatureImage & { png: Buffer }) | null> {
    return (await this.dataSource
      .getRepository(SignatureImage)
      .createQueryBuilder('image')
      .addSelect('image.png')
      .where({ ...ownerWhere(owner) })
      .getOne()) as (SignatureImage & { png: Buffer }) | null;
  }

  /**
   * Stores (or replaces) an image. Decree 30 wants transparent PNGs, so the stamp and signature
   * do not hide the text under them: anything else is refused with the reason.
   */
  async upload(owner: ImageOwner, png: Buffer, realWidthMm: number | null, actor: Actor): Promise<SignatureImageDto> {
    if (owner.kind === 'signature') await this.users.requireActive(owner.userId);
    const facts = inspectPng(png);
    if (!facts)
      throw imageInvalid('Ảnh chữ ký/con dấu phải là tệp PNG.', 'The signature or seal image must be a PNG file.');
    if (!facts.transparent)
      throw imageInvalid(
        'Ảnh phải có nền trong suốt (PNG có kênh alpha) để không che chữ bên dưới (Nghị định 30).',
        'The image must have a transparent background (PNG with alpha) so that it does not hide the text under it (Decree 30).',
      );
    if (facts.width < 16 || facts.height < 16 || facts.width > MAX_IMAGE_PIXELS || facts.height > MAX_IMAGE_PIXELS)
      throw imageInvalid(`Kích thước ảnh phải từ 16 đến ${MAX_IMAGE_PIXELS} điểm ảnh mỗi chiều.`, `Each side of the image must be 16 to ${MAX_IMAGE_PIXELS} pixels.`);
    if (realWidthMm !== null && !(realWidthMm >= 10 && realWidthMm <= 80))
      throw imageInvalid('Đường kính thật của con dấu phải từ 10 đến 80 mm.', "The seal's real diameter must be 10 to 80 mm.");
    try {
      await (await PDFDocument.create()).embedPng(png); // what signing will do with it
    } catch {
      throw imageInvalid('Không đọc được ảnh PNG này (tệp bị hỏng?).', 'This PNG cannot be read (damaged file?).');
    }
    const sha256 = createHash('sha256').update(png).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const previous = await manager.findOneBy(SignatureImage, ownerWhere(owner));
      if (previous) await manager.delete(SignatureImage, { id: previous.id });
      const row = manager.create(SignatureImage, {
        kind: owner.kind,
        userId: owner.kind === 'signature' ? owner.userId : null,
        png,
        widthPx: facts.width,
        heightPx: facts.height,
        realWidthMm: owner.kind === 'seal' ? realWidthMm : null,
        sha256,
        createdAt: this.clock.now(),
        createdById: actor?.id ?? null,
      });
      await manager.insert(SignatureImage, row);
      await this.audit.record(
        {
          action: 'signature-image.upload',
          actor,
          entityType: 'signature-image',
          entityId: row.id,
          details: { kind: owner.kind, userId: row.userId, sha256, widthPx: facts.width, heightPx: facts.height, realWidthMm: row.realWidthMm, replaced: previous?.sha256 ?? null },
        },
        manager,
      );
      return toImageDto(row);
    });
  }

  async remove(owner: ImageOwner, actor: Actor): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(SignatureImage, ownerWhere(owner));
      if (!row) return false;
      await manager.delete(SignatureImage, { id: row.id });
      await this.audit.record(
        { action: 'signature-image.delete', actor, entityType: 'signature-image', entityId: row.id, details: { kind: row.kind, userId: row.userId, sha256: row.sha256 } },
        manager,
      );
      return true;
    });
  }
}
