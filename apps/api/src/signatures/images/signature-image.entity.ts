import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SignatureImageKind } from '@app/contracts';

/**
 * The image Decree 30 shows with a signature: a person's handwritten signature (blue, transparent
 * PNG) or the organisation's red seal (real size, transparent PNG). Small, read on every signing
 * and never downloaded on its own, so the PNG sits in the row. One per person / one seal.
 */
@Entity()
export class SignatureImage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `signature` belongs to a user, `seal` to the organisation */
  @Column({ type: 'varchar', length: 20 })
  kind: SignatureImageKind;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'bytea', select: false })
  png: Buffer;

  @Column({ type: 'int' })
  widthPx: number;

  @Column({ type: 'int' })
  heightPx: number;

  /** the seal's real diameter in millimetres, to draw it at real size */
  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true, transformer: { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) } })
  realWidthMm: number | null;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
