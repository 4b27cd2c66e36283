import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc, ApiJsonOrCsvResponse } from 'src/common/openapi/api-doc';
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
  @ApiJsonOrCsvResponse(CaseMatrixDto, '\uFEFFframework,framework_version,crime_code,crime_reference,crime_group,crime_title_en,crime_title_ko,element_code,element_number,element_kind,element_text_en,element_text_ko,shared_ref,supporting_links,supporting_reviewed,supporting_reviewed_strong,undermining_links,undermining_reviewed,context_links,independent_sources,supporting_witnesses,supporting_documents,supporting_physical_items,shared_supporting_links,strongest_item,strongest_item_kind,strongest_probative_value,strongest_source_reliability,strongest_information_credibility,strongest_reviewed,gap,contested,standard_of_proof,qualifying_witnesses,qualifying_other_sources,status\r\nrome-statute,1,cah-enslavement,7(1)(c),crimes_against_humanity,Enslavement,노예화,E1,1,conduct,The perpetrator exercised powers attaching to the right of ownership over one or more persons,가해자가 한 명 이상의 사람에 대하여 소유권에 부속된 권한을 행사하였다,,3,2,1,0,0,1,2,2,1,0,,E-0004,transcript_passage,high,B,2,true,,false,reasonable_grounds,2,1,met\r\n')
  @ApiDoc('Case matrix', 'Every crime and element of the framework version with its evidence for and against, independent sources, the strongest item, status under the standard of proof and gaps; optionally filtered; JSON, or CSV (elements or perpetrators view). Any member of the case.', [400, 404])
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
  @ApiOkResponse({ type: CaseStandardOfProofDto })
  @ApiDoc('Standard of proof', 'The standard of proof the case’s matrix is judged by, and every standard with its rule. Any member of the case.', [404])
  async standard(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CaseStandardOfProofDto> {
    return this.matrix.standard(caseId, actor);
  }

  /** Case leads only (manage permission); audited. */
  @Put('standard-of-proof')
  @ApiOkResponse({ type: CaseStandardOfProofDto })
  @ApiDoc('Set the standard of proof', 'Chooses the standard the matrix is judged by. Case leads only (manage permission). Audited (matrix.standard_of_proof).', [400, 403, 404, 409])
  async setStandard(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: StandardOfProofDto, @CurrentUser() actor: AuthenticatedUser): Promise<CaseStandardOfProofDto> {
    return this.matrix.setStandard(caseId, body.standardOfProof, body.version, actor);
  }
}
