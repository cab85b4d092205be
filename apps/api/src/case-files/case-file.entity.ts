import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseFileMedium, CaseFileState, UsageMode } from '@app/contracts';

/**
 * A case file (hồ sơ công việc): the documents, notes and history of one piece of work, with the
 * metadata of Decree 30 Appendix VI (FileCode, Title, Maintenance, Rights, Language, StartDate,
 * EndDate, DocTotal, PageTotal, Description). Retention in years; NULL is permanent (vĩnh viễn).
 */
@Entity()
export class CaseFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  planEntryId: string | null;

  @Column({ type: 'integer' })
  year: number;

  @Column({ length: 30 })
  code: string;

  @Column({ length: 500 })
  title: string;

  @Column({ type: 'integer', nullable: true })
  retentionYears: number | null;

  @Column({ type: 'varchar', length: 20 })
  usageMode: UsageMode;

  @Column({ type: 'varchar', length: 20 })
  medium: CaseFileMedium;

  @Column({ length: 50 })
  language: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'uuid' })
  keeperId: string;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 20 })
  state: CaseFileState;

  @Column({ type: 'integer' })
  documentCount: number;

  @Column({ type: 'integer', nullable: true })
  pageCount: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  handoverId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
