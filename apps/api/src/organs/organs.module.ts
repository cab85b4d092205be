import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Organ } from './organ.entity';
import { OrgansController } from './organs.controller';
import { OrgansService } from './organs.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organ]), AuditModule],
  controllers: [OrgansController],
  providers: [OrgansService],
  exports: [OrgansService],
})
export class OrgansModule {}
