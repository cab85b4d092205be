import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AnnotationShape, AnnotationVisibility } from '@app/contracts';

/** One state an annotation had (created, edited, deleted): the history, append-only. */
@Entity()
export class MeetingAnnotationRevision {
  @PrimaryColumn({ type: 'uuid' })
  annotationId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 10 })
  action: 'create' | 'update' | 'delete';

  @Column({ type: 'jsonb' })
  shape: AnnotationShape;

  @Column({ type: 'char', length: 7 })
  color: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'varchar', length: 10 })
  visibility: AnnotationVisibility;

  @Column({ type: 'uuid' })
  byId: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
