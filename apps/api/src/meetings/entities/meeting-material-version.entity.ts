import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFile } from '../../files/stored-file.entity';
import { User } from '../../identity/user.entity';
import { MeetingMaterial } from './meeting-material.entity';

/**
 * One immutable version of a material: a PDF identified by its SHA-256 (the same bytes uploaded
 * again are the same version), numbered 1..n. Annotations are anchored to a version, so a new
 * upload never moves them. A database trigger refuses any change to the file, the hash, the page
 * count or a publication once made.
 */
@Entity()
export class MeetingMaterialVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  materialId: string;

  @ManyToOne(() => MeetingMaterial, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'material_id' })
  material?: MeetingMaterial;

  @Column({ type: 'int' })
  number: number;

  /** the PDF participants read */
  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  pageCount: number;

  /** the DOCX/XLSX/PPTX uploaded, when the PDF was converted from it */
  @Column({ type: 'uuid', nullable: true })
  sourceFileId: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User | null;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
