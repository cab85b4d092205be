import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type RegisterDirection = 'incoming' | 'outgoing';

/**
 * A document register (sổ văn bản): numbers run from 1 on 1 January, separately in each register
 * and year. Confidential documents have registers of their own (Decree 30, Art. 15 and 22).
 */
@Entity()
export class DocumentRegister {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ length: 50 })
  code: string;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  direction: RegisterDirection;

  /** for Mật / Tối mật / Tuyệt mật documents only */
  @Column({ default: false })
  confidential: boolean;

  @Column({ default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
