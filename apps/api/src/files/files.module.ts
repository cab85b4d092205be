import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { StoredFile } from './stored-file.entity';

/**
 * The files context: stored files' records and their bytes (through the global StorageModule).
 * Other contexts import this module and use FilesService, never the table.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile]), AuditModule],
  controllers: [FilesController],
  providers: [FilesService],
  exports: [FilesService],
})
export class FilesModule {}
