import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FilePlanState } from '@app/contracts';

/** The yearly file plan (danh mục hồ sơ, Decree 30 Art. 28): drafted, then approved by the head of the agency. */
@Entity()
export class FilePlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 10 })
  state: FilePlanState;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'integer' })
  version: number;
}

/** A heading of the plan (đề mục), e.g. `TCCB` Tổ chức cán bộ; its files' codes end with its code. */
@Entity()
export class FilePlanHeading {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ length: 20 })
  code: string;

  @Column({ length: 500 })
  title: string;
}

/** A planned case file: `01.TCCB`, its title, retention (NULL: permanent) and the person who keeps it. */
@Entity()
export class FilePlanEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'uuid' })
  headingId: string;

  @Column({ length: 30 })
  code: string;

  @Column({ length: 500 })
  title: string;

  @Column({ type: 'integer', nullable: true })
  retentionYears: number | null;

  @Column({ type: 'uuid', nullable: true })
  keeperId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
