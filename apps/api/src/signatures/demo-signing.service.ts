import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { permissionsOf, Permission, type Role } from '@app/contracts';
import { AppConfig } from '../platform/config/app-config';
import { demoSealPng, demoSignaturePng } from './images/demo-images';
import { SignatureImagesService } from './images/signature-images.service';
import { selfSignedPkcs12 } from './keys/self-signed';
import { SigningCredentialsService } from './keys/signing-credentials.service';

/**
 * The passphrase of every demo signing key (listed in the README with the demo accounts). Demo
 * keys are self-signed: pdfsig and Acrobat show the signatures as intact but the issuer as unknown.
 */
export const DEMO_KEY_PASSPHRASE = 'KySo@2026';

/** Replicas starting together take turns on it, so each demo key is made once. */
const DEMO_KEYS_LOCK = 33_2020;

/**
 * Gives the demo agency what it needs to sign out of the box: a self-signed key and a drawn
 * signature image for every user who may sign (the leader, unit heads), and the organisation's key
 * and a DEMO seal for the clerk. Only for users and owners that have none, so an administrator's
 * real uploads are never replaced; called by the agency setup when the demo seed is on.
 */
@Injectable()
export class DemoSigningService {
  private readonly logger = new Logger('DemoSigning');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly credentials: SigningCredentialsService,
    private readonly images: SignatureImagesService,
  ) {}

  async ensureDemoKeys(): Promise<void> {
    // A session lock on one connection: the other replicas wait, then find the keys made.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [DEMO_KEYS_LOCK]);
      await this.makeMissing();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [DEMO_KEYS_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  private async makeMissing(): Promise<void> {
    const organisation = this.config.ORGAN_NAME;
    const signers: { id: string; full_name: string; email: string | null; roles: Role[] }[] = await this.dataSource.query(
      `SELECT id, full_name, email, roles FROM "user" WHERE active ORDER BY username`,
    );
    let made = 0;
    for (const user of signers.filter((candidate) => permissionsOf(candidate.roles).includes(Permission.SignaturesSign))) {
      if (!(await this.credentials.active({ kind: 'user', userId: user.id }))) {
        const p12 = selfSignedPkcs12({ commonName: user.full_name, organization: organisation, email: user.email ?? undefined }, DEMO_KEY_PASSPHRASE);
        await this.credentials.upload({ kind: 'user', userId: user.id }, p12, DEMO_KEY_PASSPHRASE, null);
        made += 1;
      }
      if (!(await this.images.find({ kind: 'signature', userId: user.id }))) await this.images.upload({ kind: 'signature', userId: user.id }, demoSignaturePng(user.full_name), null, null);
    }
    if (!(await this.credentials.active({ kind: 'organisation' }))) {
      await this.credentials.upload({ kind: 'organisation' }, selfSignedPkcs12({ commonName: organisation, organization: organisation }, DEMO_KEY_PASSPHRASE), DEMO_KEY_PASSPHRASE, null);
      made += 1;
    }
    if (!(await this.images.find({ kind: 'seal' }))) await this.images.upload({ kind: 'seal' }, demoSealPng(), 35, null);
    if (made) this.logger.log(`demo signing keys made: ${made} (passphrase ${DEMO_KEY_PASSPHRASE})`);
  }
}
