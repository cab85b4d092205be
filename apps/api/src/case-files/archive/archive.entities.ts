import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BorrowState } from '@app/contracts';

/** A handover to the agency archive (nộp lưu): its number in the year, who delivered and who received. */
@Entity()
export class ArchiveHandover {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'uuid', nullable: true })
  deliveredById: string | null;

  @Column({ type: 'uuid' })
  receivedById: string;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}

/** A request to borrow an archived case file (khai thác, mượn hồ sơ), decided by the archivist. */
@Entity()
export class ArchiveBorrowRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseFileId: string;

  @Column({ type: 'uuid' })
  requesterId: string;

  @Column({ length: 1000 })
  purpose: string;

  @Column({ type: 'date' })
  until: string;

  @Column({ type: 'varchar', length: 20 })
  state: BorrowState;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  decisionNote: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
