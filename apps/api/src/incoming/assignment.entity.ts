import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { AssignmentRole, AssignmentState } from '@app/contracts';
import { Unit } from '../identity/unit.entity';
import { User } from '../identity/user.entity';
import { IncomingDocument } from './incoming-document.entity';

/**
 * Who handles an incoming document and in which role (chủ trì, phối hợp, để biết): a unit or a
 * person, with the leader's directive and a deadline. A unit head passing the unit's part to an
 * officer makes a child assignment (`parentId`).
 */
@Entity()
@Check('assignment_one_assignee', '("unit_id" IS NULL) <> ("user_id" IS NULL)')
@Index(['userId', 'state'])
@Index(['unitId', 'state'])
// open parts only, for the working lists (migration 1795400000700)
@Index('assignment_open_unit', { synchronize: false })
@Index('assignment_open_user', { synchronize: false })
@Index('assignment_by_document', { synchronize: false })
@Index('assignment_inform_unit', { synchronize: false })
@Index('assignment_inform_user', { synchronize: false })
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => IncomingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: IncomingDocument;

  @Column({ type: 'varchar', length: 10 })
  role: AssignmentRole;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  @Column({ type: 'uuid' })
  assignedById: string;

  @Column({ type: 'timestamptz' })
  assignedAt: Date;

  /** the leader's written instruction (bút phê) */
  @Column({ type: 'text', nullable: true })
  directive: string | null;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 12 })
  state: AssignmentState;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Assignment | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** the completion note, or the reason for returning it */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
