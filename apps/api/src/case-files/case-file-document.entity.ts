import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseFileDocumentKind } from '@app/contracts';

/** A stored file of a linked document, as the archive package lists it. */
export interface LinkedFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * A document in a case file: a reference to an incoming or outgoing document (never a copy — the
 * same document may be in several case files), or an internal paper uploaded into the case file.
 * The metadata the archive needs (Appendix VI) is read from the document when it is linked and
 * again when the case file is closed; the keeper fills in what the document lacks (pages).
 */
@Entity()
export class CaseFileDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseFileId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: CaseFileDocumentKind;

  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ type: 'integer' })
  position: number;

  @Column({ length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  numberAndNotation: string | null;

  @Column({ type: 'date', nullable: true })
  documentDate: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  typeName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  author: string | null;

  @Column({ type: 'integer', nullable: true })
  pageCount: number | null;

  @Column({ type: 'boolean' })
  final: boolean;

  /** Mật, Tối mật, Tuyệt mật: shown in full only to the person who linked it */
  @Column({ type: 'boolean' })
  confidential: boolean;

  /** the main file first, then the attachments */
  @Column({ type: 'jsonb' })
  files: LinkedFile[];

  @Column({ type: 'uuid', nullable: true })
  addedById: string | null;

  @Column({ type: 'timestamptz' })
  addedAt: Date;
}
