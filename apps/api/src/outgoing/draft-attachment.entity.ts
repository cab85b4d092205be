import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity';
import { DraftVersion } from './draft-version.entity';

/** A file that goes with a version of a draft besides the main one (phụ lục, tài liệu kèm theo). */
@Entity()
@Index(['versionId', 'position'], { unique: true })
export class DraftAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DraftVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  draftVersion?: DraftVersion;

  @Index()
  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile;

  @Column({ type: 'int' })
  position: number;
}
