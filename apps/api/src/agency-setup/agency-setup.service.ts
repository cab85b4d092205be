import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { OrgansService } from '../organs/organs.service';
import { Organ } from '../organs/organ.entity';
import { PasswordService } from '../identity/auth/password.service';
import { Unit } from '../identity/unit.entity';
import { User } from '../identity/user.entity';
import { AuditService } from '../audit/audit.service';
import { QueueService } from '../platform/queue/queue.service';
import { DEMO_ORGANS, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-data';
import { RegistersService } from '../registers/registers.service';
import { DemoSigningService } from '../signatures/demo-signing.service';
import { MeetingsDemo } from '../meetings/demo/meetings-demo';
import type { CreateDocumentRegisterRequest } from '@app/contracts';

const DEFAULT_REGISTERS: CreateDocumentRegisterRequest[] = [
  { code: 'DEN', name: 'Sổ đăng ký văn bản đến', direction: 'incoming', confidential: false },
  { code: 'DEN-MAT', name: 'Sổ đăng ký văn bản đến mật', direction: 'incoming', confidential: true },
  { code: 'DI', name: 'Sổ đăng ký văn bản đi', direction: 'outgoing', confidential: false },
  { code: 'DI-MAT', name: 'Sổ đăng ký văn bản đi mật', direction: 'outgoing', confidential: true },
];

/** Replicas starting together take turns on it, so the agency and demo data are written once. */
const SETUP_LOCK = 30_2020;

/**
 * At every start: makes sure this agency exists in the organ directory. On the first start of an
 * empty database with DEMO_SEED on: writes the demo agency (units, a user of every role, a few
 * organs). Also declares the housekeeping job that removes ended sessions.
 */
@Injectable()
export class AgencySetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AgencySetupService.name);

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organs: OrgansService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    private readonly registers: RegistersService,
    private readonly demoSigning: DemoSigningService,
    private readonly meetingsDemo: MeetingsDemo,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.organs.ensureSelf({ organId: this.config.ORGAN_ID, name: this.config.ORGAN_NAME, notation: this.config.ORGAN_NOTATION });
    await this.ensureDefaultRegisters();
    if (this.config.demoSeed) {
      await this.seedDemo();
      // every start, not only the first: a demo database from before signing gets its keys too
      await this.demoSigning.ensureDemoKeys();
      // the demo meetings are dated from today: in tests they would move every test's schedule with the calendar
      if (this.config.NODE_ENV !== 'test') await this.meetingsDemo.seed();
    }
    await this.queue.work('sessions.purge', () => this.purgeEndedSessions());
    await this.queue.schedule('sessions.purge', '17 3 * * *');
  }

  /**
   * An agency cannot register anything without registers: the usual four are created once
   * (ordinary and confidential, incoming and outgoing); the admin renames or adds to them.
   */
  private async ensureDefaultRegisters(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      if ((await this.registers.list()).length > 0) return;
      for (const [index, register] of DEFAULT_REGISTERS.entries()) await this.registers.create({ ...register, sortOrder: index }, null, manager);
    });
  }

  private async seedDemo(): Promise<void> {
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      if ((await manager.count(Unit)) > 0 || (await manager.count(User)) > 0) return;
      const unitIds = new Map<string, string>();
      for (const [index, unit] of DEMO_UNITS.entries()) {
        const saved = await manager.save(
          manager.create(Unit, { code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentCode ? unitIds.get(unit.parentCode) : null, sortOrder: index }),
        );
        unitIds.set(unit.code, saved.id);
      }
      for (const user of DEMO_USERS) {
        await manager.save(
          manager.create(User, {
            username: user.username,
            fullName: user.fullName,
            position: user.position,
            email: user.email,
            unitId: unitIds.get(user.unitCode) ?? null,
            roles: user.roles,
            passwordHash,
          }),
        );
      }
      for (const organ of DEMO_ORGANS) {
        if (!(await manager.existsBy(Organ, { organId: organ.organId }))) await manager.save(manager.create(Organ, { ...organ, isSelf: false }));
      }
      await this.audit.record(
        { action: 'demo.seed', details: { units: DEMO_UNITS.length, users: DEMO_USERS.length, organs: DEMO_ORGANS.length } },
        manager,
      );
      this.logger.log(`demo agency written: ${DEMO_USERS.length} users (password ${DEMO_PASSWORD})`);
    });
  }

  /** Sessions that ended more than 30 days ago are of no further use (the audit log keeps the facts). */
  private async purgeEndedSessions(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM user_session WHERE (revoked_at IS NOT NULL AND revoked_at < now() - interval '30 days') OR expires_at < now() - interval '30 days'`,
    );
  }
}
