import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { CaseMatrixDto, CaseStandardOfProofDto, mapMatrix, MatrixQueryDto, StandardOfProofDto } from 'src/evidence/dto/matrix.dto';
import { MatrixService } from 'src/evidence/matrix.service';
import { matrixCsv } from 'src/evidence/matrix/csv';

@ApiTags('evidence')
@Controller('cases/:caseId/matrix')
@Authenticated()
export class MatrixController {
  constructor(private readonly matrix: MatrixService) {}

  /**
   * Every crime and element of the framework version with its evidence, corroboration (witnesses and
   * documents), status under the standard of proof and gaps; optionally filtered; JSON or CSV.
   */
  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: CaseMatrixDto })
  async get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Query() query: MatrixQueryDto,
    @CurrentUser() actor: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseMatrixDto | string> {
    const filters = Object.fromEntries(
      (['perpetratorId', 'incidentId', 'from', 'to', 'placeId'] as const).filter((k) => query[k] !== undefined).map((k) => [k, query[k]]),
    );
    const matrix = mapMatrix(await this.matrix.matrix(caseId, query.frameworkVersionId, actor, { filters, standardOfProof: query.standardOfProof }));
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="matrix-${matrix.framework.code}-${matrix.framework.version}-${query.view}.csv"`);
      return matrixCsv(matrix, query.view);
    }
    return matrix;
  }

  /** The standard of proof the case's matrix is judged by, and every standard with its rule. */
  @Get('standard-of-proof')
  async standard(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CaseStandardOfProofDto> {
    return this.matrix.standard(caseId, actor);
  }

  /** Case leads only (manage permission); audited. */
  @Put('standard-of-proof')
  async setStandard(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: StandardOfProofDto, @CurrentUser() actor: AuthenticatedUser): Promise<CaseStandardOfProofDto> {
    return this.matrix.setStandard(caseId, body.standardOfProof, body.version, actor);
  }
}
