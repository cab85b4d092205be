import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { IncomingModule } from '../incoming/incoming.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgansModule } from '../organs/organs.module';
import { RegistersModule } from '../registers/registers.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { ConversionQueue } from './conversion/conversion.queue';
import { ConversionWorker } from './conversion/conversion.worker';
import { DocumentConverter } from './conversion/document-converter';
import { PdfForSigningService } from './conversion/pdf-for-signing.service';
import { DraftAttachment } from './draft-attachment.entity';
import { DraftComment } from './draft-comment.entity';
import { DraftCommentsController } from './draft-comments.controller';
import { DraftCommentsService } from './draft-comments.service';
import { DraftFiles } from './draft-files';
import { DraftVersion } from './draft-version.entity';
import { DraftVersionsController } from './draft-versions.controller';
import { DraftVersionsService } from './draft-versions.service';
import { OutgoingDocument } from './outgoing-document.entity';
import { OutgoingController } from './outgoing.controller';
import { OutgoingDraftsService } from './outgoing-drafts.service';
import { OutgoingHistoryEntry } from './outgoing-history-entry.entity';
import { OutgoingListService } from './outgoing-list.service';
import { OutgoingRecipient } from './outgoing-recipient.entity';
import { OutgoingRecords } from './outgoing-records';
import { OutgoingSummaries } from './outgoing-summaries';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';
import { ReviewStep } from './review-step.entity';
import { OutgoingIssuanceService } from './issuance/outgoing-issuance.service';
import { OutgoingSigningController } from './signing/outgoing-signing.controller';
import { OutgoingSigningService } from './signing/outgoing-signing.service';
import { ExchangeOutboxEntry } from './dispatch/exchange-outbox-entry.entity';
import { OutgoingDispatchController } from './dispatch/outgoing-dispatch.controller';
import { OutgoingDispatchService } from './dispatch/outgoing-dispatch.service';
import { OutgoingRecallController } from './recall/outgoing-recall.controller';
import { OutgoingRecallService } from './recall/outgoing-recall.service';
import { Withdrawal } from './recall/withdrawal';
import { OutgoingReplacementService } from './replacement/outgoing-replacement.service';
import { OutgoingRegisterExportController } from './register-export/outgoing-register-export.controller';
import { OutgoingRegisterExportService } from './register-export/outgoing-register-export.service';

/**
 * Outgoing documents (văn bản đi): drafting and approval, the signer's signature, then numbering
 * in the outgoing register with the organisation's signature (issuance), then dispatch to the
 * recipients and, when needed, recall or replacement.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutgoingDocument, OutgoingRecipient, DraftVersion, DraftAttachment, ReviewStep, DraftComment, OutgoingHistoryEntry, ExchangeOutboxEntry]),
    AuditModule,
    FilesModule,
    IdentityModule,
    IncomingModule,
    NotificationsModule,
    OrgansModule,
    RegistersModule,
    SignaturesModule,
  ],
  // OutgoingRegisterExportController first: its /register-export must win over /:id
  controllers: [OutgoingRegisterExportController, OutgoingController, DraftVersionsController, ReviewController, DraftCommentsController, OutgoingSigningController, OutgoingDispatchController, OutgoingRecallController],
  providers: [
    OutgoingRecords,
    OutgoingSummaries,
    DraftFiles,
    DraftVersionsService,
    DocumentConverter,
    PdfForSigningService,
    ConversionQueue,
    ConversionWorker,
    ReviewService,
    OutgoingDraftsService,
    OutgoingListService,
    DraftCommentsService,
    OutgoingSigningService,
    OutgoingIssuanceService,
    OutgoingDispatchService,
    OutgoingRegisterExportService,
    OutgoingRecallService,
    Withdrawal,
    OutgoingReplacementService,
  ],
  exports: [OutgoingDraftsService],
})
export class OutgoingModule {}
