import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AnnotationKind, AnnotationShape, AnnotationVisibility } from '@app/contracts';
import { User } from '../../../identity/user.entity';
import { MeetingMaterialVersion } from '../../entities/meeting-material-version.entity';

/**
 * An annotation on one page of an immutable material version, in PDF user-space coordinates.
 * `version` is the optimistic lock; `change` is the position in the version's change feed (every
 * write takes the next number); a deletion keeps the row with `deletedAt`. Migration 1795400002250.
 */
@Entity()
@Index(['materialVersionId', 'change'])
export class MeetingAnnotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid' })
  materialVersionId: string;

  @ManyToOne(() => MeetingMaterialVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'material_version_id' })
  materialVersion?: MeetingMaterialVersion;

  @Column({ type: 'char', length: 64 })
  materialSha256: string;

  @Column({ type: 'int' })
  pageIndex: number;

  @Column({ type: 'varchar', length: 20 })
  kind: AnnotationKind;

  @Column({ type: 'jsonb' })
  shape: AnnotationShape;

  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'char', length: 7 })
  color: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'varchar', length: 10 })
  visibility: AnnotationVisibility;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** bigint from a sequence: read as a string */
  @Column({ type: 'bigint', insert: false })
  change: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
