import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CredentialOwnerKind } from '@app/contracts';

/**
 * A signing key in the server's key store: a person's (the signer) or the organisation's (the
 * digital seal). The .p12 is kept as bytea in this row rather than in the object store: it is a
 * few kB, it must never be reachable through /api/files (where an uploader or an administrator may
 * download what they stored), and it is replaced, revoked and wiped together with its certificate
 * facts and audit entry in one transaction. At rest it stays encrypted by the holder's passphrase
 * (PKCS#12 PBE; the demo keys use AES-256), which the server never stores.
 * One active credential per owner (partial unique indexes); a revoked one keeps its facts for
 * the record but loses its key material.
 */
@Entity()
export class SigningCredential {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  ownerKind: CredentialOwnerKind;

  /** null for the organisation's credential */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 50, default: 'server-key-store' })
  provider: string;

  /** the .p12 (server key store only); null once revoked */
  @Column({ type: 'bytea', nullable: true, select: false })
  keyMaterial: Buffer | null;

  @Column({ length: 300 })
  subjectCommonName: string;

  @Column({ length: 1000 })
  subject: string;

  @Column({ length: 1000 })
  issuer: string;

  @Column({ length: 100 })
  serialNumber: string;

  @Column({ type: 'timestamptz' })
  notBefore: Date;

  @Column({ type: 'timestamptz' })
  notAfter: Date;

  @Column({ type: 'char', length: 64 })
  sha256Fingerprint: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById: string | null;

  /** wrong passphrases in a row; the passphrase is all that guards a stored key from a stolen session */
  @Column({ type: 'int', default: 0 })
  failedPassphraseAttempts: number;

  /** after too many wrong passphrases the key refuses to sign until then */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
