import { Module } from '@nestjs/common';
import { CasesModule } from 'src/cases/cases.module';
import { SearchController } from 'src/search/search.controller';
import { SearchService } from 'src/search/search.service';

@Module({ imports: [CasesModule], controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
