import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../identity/user.entity';

/** bigint arrives from pg as a string; file sizes stay far below 2^53, so a number is safe. */
const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * The metadata of one stored file; the bytes live in the object store under `storageKey`.
 * Immutable once written: a changed document is a new file (annotations anchor to `sha256`).
 */
@Entity()
@Check(`"size" >= 0`)
@Check(`"sha256" ~ '^[0-9a-f]{64}$'`)
export class StoredFile {
  /** Chosen by us before the bytes are stored, so that the storage key can carry it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** e.g. `files/2026/11/<id>`; never derived from the uploader's file name */
  @Index({ unique: true })
  @Column({ length: 255 })
  storageKey: string;

  /** as given by the uploader (cleaned); for display and the download name only */
  @Column({ length: 255 })
  originalName: string;

  /** detected from the bytes, never from the name */
  @Column({ length: 127 })
  mediaType: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  /** lower-case hex; also the ETag, and how the same content is found again */
  @Index()
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** who uploaded it; null once that user is deleted (the file stays). Indexed for "my files" and for that delete. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Only declares the foreign key: the files context never loads users through it. */
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  createdBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
