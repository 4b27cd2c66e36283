import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { PlacesController } from 'src/places/places.controller';
import { PlacesService } from 'src/places/places.service';

@Module({ imports: [AuditModule], controllers: [PlacesController], providers: [PlacesService], exports: [PlacesService] })
export class PlacesModule {}
