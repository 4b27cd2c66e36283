import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { AuthController } from 'src/auth/auth.controller';
import { AuthService } from 'src/auth/auth.service';
import { SessionsService } from 'src/auth/sessions.service';
import { LoginThrottleService } from 'src/auth/throttle/login-throttle.service';
import { TwoFactorController } from 'src/auth/two-factor/two-factor.controller';
import { TwoFactorService } from 'src/auth/two-factor/two-factor.service';

@Module({
  imports: [AuditModule],
  controllers: [AuthController, TwoFactorController],
  providers: [AuthService, SessionsService, LoginThrottleService, TwoFactorService],
  exports: [SessionsService, AuthService, TwoFactorService],
})
export class AuthModule {}
