import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { OrgansModule } from '../organs/organs.module';
import { RegistersModule } from '../registers/registers.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { AgencySetupService } from './agency-setup.service';

@Module({
  imports: [IdentityModule, OrgansModule, AuditModule, RegistersModule, SignaturesModule, MeetingsModule],
  providers: [AgencySetupService],
})
export class AgencySetupModule {}
