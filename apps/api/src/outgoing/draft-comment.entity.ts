import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../identity/user.entity';
import { DraftVersion } from './draft-version.entity';
import { OutgoingDocument } from './outgoing-document.entity';

/** A comment on one version of a draft (góp ý), threaded by `parentId`; a return's reason is one too. */
@Entity()
@Index(['documentId', 'at'])
export class DraftComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => OutgoingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: OutgoingDocument;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DraftVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  draftVersion?: DraftVersion;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => DraftComment, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: DraftComment | null;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
