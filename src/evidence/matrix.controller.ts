import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { CaseMatrixDto, mapMatrix, MatrixQueryDto } from 'src/evidence/dto/matrix.dto';
import { MatrixService } from 'src/evidence/matrix.service';
import { matrixCsv } from 'src/evidence/matrix/csv';

@ApiTags('evidence')
@Controller('cases/:caseId/matrix')
@Authenticated()
export class MatrixController {
  constructor(private readonly matrix: MatrixService) {}

  /** Every crime and element of the framework version with its evidence and gaps; JSON or CSV. */
  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: CaseMatrixDto })
  async get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() query: MatrixQueryDto,
    @CurrentUser() actor: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseMatrixDto | string> {
    const matrix = mapMatrix(await this.matrix.matrix(caseId, query.frameworkVersionId, actor));
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="matrix-${matrix.framework.code}-${matrix.framework.version}-${query.view}.csv"`);
      return matrixCsv(matrix, query.view);
    }
    return matrix;
  }
}
