import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity';
import { IncomingDocument } from './incoming-document.entity';

/** A file that came with an incoming document besides the main one (phụ lục, tài liệu kèm theo). */
@Entity()
@Index(['documentId', 'position'], { unique: true })
export class IncomingAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => IncomingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: IncomingDocument;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile;

  @Column({ type: 'int' })
  position: number;
}
