import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseFileShareAccess } from '@app/contracts';

/** A note written in a case file by its keeper or a contributor. */
@Entity()
export class CaseFileNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseFileId: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** A colleague the keeper shares the case file with: to read it, or to contribute (link documents, write notes). */
@Entity()
export class CaseFileShare {
  @PrimaryColumn({ type: 'uuid' })
  caseFileId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 20 })
  access: CaseFileShareAccess;

  @Column({ type: 'uuid', nullable: true })
  grantedById: string | null;

  @Column({ type: 'timestamptz' })
  grantedAt: Date;
}

/** One line of the case file's timeline: everything done in it, by whom and when. */
@Entity()
export class CaseFileHistoryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseFileId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ length: 40 })
  action: string;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
