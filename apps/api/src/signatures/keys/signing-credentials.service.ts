import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { CertificateSummary, SigningCredentialDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { UsersService } from '../../identity/users.service';
import { Clock } from '../../platform/clock/clock';
import type { SigningKey } from '../document-signer';
import { credentialExpired, credentialInvalid, credentialLocked, credentialMissing, credentialNotFound, wrongPassphrase } from '../signature-errors';
import { openPkcs12, Pkcs12Error } from './pkcs12';
import { SigningCredential } from './signing-credential.entity';

export type CredentialOwner = { kind: 'user'; userId: string } | { kind: 'organisation' };
export type Actor = { id: string; username: string } | null;

/** Wrong passphrases in a row that lock a key, and for how long. */
export const PASSPHRASE_ATTEMPTS = 5;
export const PASSPHRASE_LOCK_MINUTES = 15;

/** Replacing an owner's key takes turns on this lock, so two uploads never leave two active keys. */
const CREDENTIAL_LOCK = 32_2020;

export function toCredentialDto(row: SigningCredential): SigningCredentialDto {
  return {
    id: row.id,
    ownerKind: row.ownerKind,
    userId: row.userId,
    provider: row.provider,
    certificate: certificateOf(row),
    createdAt: row.createdAt.toISOString(),
    createdById: row.createdById,
  };
}

function certificateOf(row: SigningCredential): CertificateSummary {
  return {
    subjectCommonName: row.subjectCommonName,
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serialNumber,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    sha256Fingerprint: row.sha256Fingerprint,
  };
}

const ownerWhere = (owner: CredentialOwner) => (owner.kind === 'user' ? { ownerKind: 'user' as const, userId: owner.userId } : { ownerKind: 'organisation' as const, userId: IsNull() });

/**
 * The server's key store: who has which signing key. Keys are uploaded as .p12 with the passphrase
 * (checked here, never kept), replaced by a new upload, revoked (the key material is wiped), and
 * handed to a DocumentSigner with the passphrase typed at signing.
 */
@Injectable()
export class SigningCredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<SigningCredentialDto[]> {
    const rows = await this.dataSource.getRepository(SigningCredential).find({ where: { revokedAt: IsNull() }, order: { ownerKind: 'DESC', createdAt: 'ASC' } });
    return rows.map(toCredentialDto);
  }

  async active(owner: CredentialOwner): Promise<SigningCredential | null> {
    return this.dataSource.getRepository(SigningCredential).findOneBy({ ...ownerWhere(owner), revokedAt: IsNull() });
  }

  /**
   * Checks a .p12 with its passphrase and makes it the owner's active key (the previous one is
   * revoked and wiped in the same transaction). An expired certificate is refused: it could not
   * make a signature anyone accepts.
   */
  async upload(owner: CredentialOwner, p12: Buffer, passphrase: string, actor: Actor): Promise<SigningCredentialDto> {
    if (owner.kind === 'user') await this.users.requireActive(owner.userId);
    let summary: CertificateSummary;
    try {
      summary = openPkcs12(p12, passphrase).summary;
    } catch (error) {
      if (error instanceof Pkcs12Error && error.reason === 'wrong_passphrase') throw wrongPassphrase();
      throw credentialInvalid(error instanceof Error ? error.message : String(error));
    }
    const now = this.clock.now();
    if (new Date(summary.notAfter) <= now) throw credentialExpired(summary.notAfter);

    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CREDENTIAL_LOCK]);
      const previous = await manager.findOneBy(SigningCredential, { ...ownerWhere(owner), revokedAt: IsNull() });
      if (previous) await this.revokeRow(manager, previous, actor, now, 'replaced');
      const row = manager.create(SigningCredential, {
        ownerKind: owner.kind,
        userId: owner.kind === 'user' ? owner.userId : null,
        provider: 'server-key-store',
        keyMaterial: p12,
        subjectCommonName: summary.subjectCommonName.slice(0, 300),
        subject: summary.subject.slice(0, 1000),
        issuer: summary.issuer.slice(0, 1000),
        serialNumber: summary.serialNumber.slice(0, 100),
        notBefore: new Date(summary.notBefore),
        notAfter: new Date(summary.notAfter),
        sha256Fingerprint: summary.sha256Fingerprint,
        createdAt: now,
        createdById: actor?.id ?? null,
        revokedAt: null,
        revokedById: null,
      });
      await manager.insert(SigningCredential, row);
      await this.audit.record(
        {
          action: 'signing-credential.upload',
          actor,
          entityType: 'signing-credential',
          entityId: row.id,
          details: { ownerKind: owner.kind, userId: row.userId, certificate: summary, replaced: previous?.id ?? null },
        },
        manager,
      );
      return toCredentialDto(row);
    });
  }

  async revoke(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(SigningCredential, { where: { id, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw credentialNotFound();
      await this.revokeRow(manager, row, actor, this.clock.now(), 'revoked');
    });
  }

  private async revokeRow(manager: EntityManager, row: SigningCredential, actor: Actor, at: Date, why: 'revoked' | 'replaced'): Promise<void> {
    await manager.update(SigningCredential, { id: row.id }, { revokedAt: at, revokedById: actor?.id ?? null, keyMaterial: null });
    await this.audit.record(
      {
        action: 'signing-credential.revoke',
        actor,
        entityType: 'signing-credential',
        entityId: row.id,
        details: { ownerKind: row.ownerKind, userId: row.userId, serialNumber: row.serialNumber, why },
      },
      manager,
    );
  }

  /**
   * Counts a wrong passphrase; the fifth in a row locks the key for a quarter of an hour. Written
   * on its own (not in the caller's transaction, which rolls back), so the count survives.
   */
  async noteWrongPassphrase(credentialId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE signing_credential
          SET failed_passphrase_attempts = CASE WHEN failed_passphrase_attempts + 1 >= $2 THEN 0 ELSE failed_passphrase_attempts + 1 END,
              locked_until = CASE WHEN failed_passphrase_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE id = $1`,
      [credentialId, PASSPHRASE_ATTEMPTS, new Date(this.clock.now().getTime() + PASSPHRASE_LOCK_MINUTES * 60_000)],
    );
  }

  /** A right passphrase starts the count again. */
  async noteRightPassphrase(credentialId: string): Promise<void> {
    await this.dataSource.query(`UPDATE signing_credential SET failed_passphrase_attempts = 0 WHERE id = $1 AND failed_passphrase_attempts > 0`, [credentialId]);
  }

  /**
   * The owner's key, ready for a DocumentSigner: refused (422) when there is none or its
   * certificate is not valid at the signing time.
   */
  async signingKey(owner: CredentialOwner, secret: string, at: Date): Promise<SigningKey> {
    const row = await this.dataSource
      .getRepository(SigningCredential)
      .createQueryBuilder('credential')
      .addSelect('credential.keyMaterial')
      .where(owner.kind === 'user' ? 'credential.owner_kind = :kind AND credential.user_id = :userId' : 'credential.owner_kind = :kind', { kind: owner.kind, userId: owner.kind === 'user' ? owner.userId : null })
      .andWhere('credential.revoked_at IS NULL')
      .getOne();
    if (!row) throw credentialMissing(owner.kind === 'user' ? 'user' : 'organisation');
    if (row.notAfter <= at || row.notBefore > at) throw credentialExpired(row.notAfter.toISOString());
    if (row.lockedUntil && row.lockedUntil > at) throw credentialLocked(row.lockedUntil);
    return { credentialId: row.id, provider: row.provider, certificate: certificateOf(row), keyMaterial: row.keyMaterial, secret };
  }
}

