import { Module } from '@nestjs/common';
import { CasesModule } from 'src/cases/cases.module';
import { SearchController } from 'src/search/search.controller';
import { RawSearchService } from 'src/search/raw-search.service';
import { SearchService } from 'src/search/search.service';
import { AuditModule } from 'src/audit/audit.module';

@Module({ imports: [AuditModule, CasesModule], controllers: [SearchController], providers: [SearchService, RawSearchService] })
export class SearchModule {}
