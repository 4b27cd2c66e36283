import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { MeController } from 'src/me/me.controller';
import { MeService } from 'src/me/me.service';

/** The signed-in user's own view across cases: what waits for them, what they did. */
@Module({ imports: [AuditModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
