import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DraftSignature } from '@app/contracts';
import { StoredFile } from '../files/stored-file.entity';
import { OutgoingDocument } from './outgoing-document.entity';

/**
 * One saved revision of a draft (phiên bản dự thảo): its main file and attachments, numbered 1..n.
 * Immutable: a change is a new version, so comments and decisions stay tied to what was read.
 * The SHA-256 is copied from the file so that comparisons and the signature later can name the
 * exact bytes without a join.
 */
@Entity()
@Index(['documentId', 'number'], { unique: true })
export class DraftVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => OutgoingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: OutgoingDocument;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** null once that user is deleted; the conversion made on approval names the approver */
  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** the DOCX version this PDF was made from for signing; null for what people uploaded */
  @Column({ type: 'int', nullable: true })
  convertedFromNumber: number | null;

  /** the signature this version added: the signer's, or the organisation's at issuance; null for drafts */
  @Column({ type: 'varchar', length: 12, nullable: true })
  signature: DraftSignature | null;
}
