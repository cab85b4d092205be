import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../platform/config/app-config';
import { LocalSecrets } from '../platform/config/local-secrets';
import { AuditModule } from '../audit/audit.module';
import { OrgansModule } from '../organs/organs.module';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { PasswordService } from './auth/password.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { TokenService } from './auth/token.service';
import { UserSession } from './auth/user-session.entity';
import { OidcController } from './auth/oidc.controller';
import { OidcService } from './auth/oidc.service';
import { RolesController } from './roles.controller';
import { Unit } from './unit.entity';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';
import { User } from './user.entity';
import { SessionEndings } from './auth/session-endings';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Unit, User, UserSession, RefreshToken]),
    JwtModule.registerAsync({
      inject: [AppConfig, LocalSecrets],
      useFactory: (config: AppConfig, secrets: LocalSecrets) => ({
        secret: config.JWT_SECRET ?? secrets.get('jwt-secret'),
        signOptions: { algorithm: 'HS256', issuer: 'e-office' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'e-office' },
      }),
    }),
    AuditModule,
    OrgansModule,
  ],
  controllers: [AuthController, OidcController, UnitsController, UsersController, RolesController],
  providers: [AuthService, PasswordService, TokenService, UnitsService, UsersService, OidcService, SessionEndings],
  exports: [AuthService, UsersService, UnitsService, PasswordService, SessionEndings],
})
export class IdentityModule {}
