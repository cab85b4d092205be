import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { RegistersModule } from '../registers/registers.module';
import { IncomingAttachment } from './incoming-attachment.entity';
import { IncomingController } from './incoming.controller';
import { IncomingDocument } from './incoming-document.entity';
import { IncomingHistoryEntry } from './incoming-history-entry.entity';
import { IncomingService } from './incoming.service';

@Module({
  imports: [TypeOrmModule.forFeature([IncomingDocument, IncomingAttachment, IncomingHistoryEntry]), AuditModule, FilesModule, IdentityModule, RegistersModule],
  controllers: [IncomingController],
  providers: [IncomingService],
  exports: [IncomingService],
})
export class IncomingModule {}
