import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { IncomingDocument } from './incoming-document.entity';

/** Where a document's text came from: the PDF's own text layer, or OCR of a scan. */
export type DocumentTextSource = 'pdf' | 'ocr';

/**
 * What search reads for an incoming document: the text of its main file (for snippets) and the
 * search vector of its metadata and text together. In a table of its own so that the document
 * rows, read by every list, stay small. One row per document, created with it by a trigger; the
 * text stays null until the preparation job has read the file. `search_vector` is maintained by
 * triggers (migration IncomingSearch1795400000600); it is declared here only so that the schema
 * and the entities agree, and is never read or written by the application.
 */
@Entity()
// made by the search migrations (GIN over the arrival time and the vector, btree_gin; the arrival time)
@Index('incoming_document_text_search', { synchronize: false })
@Index('incoming_document_text_arrived', { synchronize: false })
export class IncomingDocumentText {
  @PrimaryColumn({ type: 'uuid' })
  documentId: string;

  @OneToOne(() => IncomingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_incoming_document_text_document' })
  document?: IncomingDocument;

  @Column({ type: 'varchar', length: 10, nullable: true })
  source: DocumentTextSource | null;

  /** NFC, as the extractor gives it; null until extracted, or when the file has none */
  @Column({ type: 'text', nullable: true })
  content: string | null;

  /** a page, size or time limit cut the text short */
  @Column({ type: 'boolean', default: false })
  truncated: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  extractedAt: Date | null;

  @Column({ type: 'tsvector', select: false, insert: false, update: false, default: () => "''" })
  searchVector?: unknown;

  /** the document's arrival time, copied by the same triggers, so that a search can look at recent matches first */
  @Column({ type: 'timestamptz', select: false, insert: false, update: false })
  arrivedAt?: Date;
}
