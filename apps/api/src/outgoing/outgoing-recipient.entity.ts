import type { RecipientDeliveryStatus } from '@app/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Unit } from '../identity/unit.entity';
import { Organ } from '../organs/organ.entity';
import { OutgoingDocument } from './outgoing-document.entity';

/**
 * One recipient of an outgoing document: a unit of this agency or an agency of the directory.
 * A row each (not a list in a column) because dispatch will record per recipient when and how it
 * was sent and whether it was received.
 */
@Entity()
@Index(['documentId', 'position'], { unique: true })
@Check('outgoing_recipient_one_kind', `("unit_id" IS NULL) <> ("organ_id" IS NULL)`)
export class OutgoingRecipient {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => OutgoingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: OutgoingDocument;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit | null;

  @Column({ type: 'uuid', nullable: true })
  organId: string | null;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organ_id' })
  organ?: Organ | null;

  @Column({ type: 'int' })
  position: number;

  /** pending until dispatch; a unit's copy is `delivered` at once, an agency's `waiting_for_axis` until the interconnection sends it */
  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: RecipientDeliveryStatus;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** the incoming document a unit of this agency received */
  @Column({ type: 'uuid', nullable: true })
  incomingDocumentId: string | null;
}
