import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesController } from './files.controller';
import { FileResponder } from './file-responder';
import { FilesService } from './files.service';
import { ArrivalStampService } from './pdf/arrival-stamp.service';
import { OcrService } from './pdf/ocr.service';
import { PdfTextService } from './pdf/pdf-text.service';
import { StoredFile } from './stored-file.entity';

/**
 * The files context: stored files' records and their bytes (through the global StorageModule).
 * Other contexts import this module and use FilesService, never the table; the PDF tools (text,
 * "ĐẾN" stamp, OCR) are its services too, as they read and write stored files.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile]), AuditModule],
  controllers: [FilesController],
  providers: [FilesService, FileResponder, PdfTextService, ArrivalStampService, OcrService],
  exports: [FilesService, FileResponder, PdfTextService, ArrivalStampService, OcrService],
})
export class FilesModule {}
