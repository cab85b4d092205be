import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { DemoSigningService } from './demo-signing.service';
import { DOCUMENT_SIGNERS, type DocumentSigner } from './document-signer';
import { SignatureImage } from './images/signature-image.entity';
import { SignatureImagesService } from './images/signature-images.service';
import { ServerKeyStoreSigner } from './keys/server-key-store.signer';
import { SigningCredential } from './keys/signing-credential.entity';
import { SigningCredentialsService } from './keys/signing-credentials.service';
import { SignaturesAdminController } from './signatures-admin.controller';
import { SigningService } from './signing.service';
import { VerificationController } from './verification/verification.controller';

/**
 * The digital-signature context: the key store, the Decree 30 images, PAdES signing (SigningService,
 * for the outgoing-documents workflow) and the verification of uploaded PDFs. A USB-token or
 * remote-signing provider is one more DocumentSigner in the DOCUMENT_SIGNERS list.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SigningCredential, SignatureImage]), AuditModule, IdentityModule],
  controllers: [SignaturesAdminController, VerificationController],
  providers: [
    SigningCredentialsService,
    SignatureImagesService,
    SigningService,
    DemoSigningService,
    ServerKeyStoreSigner,
    { provide: DOCUMENT_SIGNERS, useFactory: (serverKeyStore: ServerKeyStoreSigner): DocumentSigner[] => [serverKeyStore], inject: [ServerKeyStoreSigner] },
  ],
  exports: [SigningService, SigningCredentialsService, SignatureImagesService, DemoSigningService],
})
export class SignaturesModule {}
