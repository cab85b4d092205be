import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DocumentRegister } from './document-register.entity';

/**
 * The last number given in a register in a year. Taking a number increments this row inside the
 * transaction that stores the document, so the row stays locked until that transaction ends:
 * two clerks never get the same number, and a rolled-back registration gives its number back
 * (no gaps).
 */
@Entity()
export class RegisterCounter {
  @PrimaryColumn({ type: 'uuid' })
  registerId: string;

  @ManyToOne(() => DocumentRegister, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'register_id' })
  register?: DocumentRegister;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  lastNumber: number;
}
