import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, ValidationDomainException, type FieldProblem } from 'src/common/errors/domain.exception';
import type { EvidenceItemView } from 'src/evidence/dto/evidence-item.dto';
import type { CreatePassageEvidenceDto } from 'src/evidence/dto/passage-evidence.dto';
import { EvidenceItemsService } from 'src/evidence/evidence-items.service';
import { EvidenceLinksService, type LinkView } from 'src/evidence/evidence-links.service';
import { LiabilityService, type LiabilityLinkView } from 'src/liability/liability.service';

export interface PassageEvidenceView {
  item: EvidenceItemView;
  link: LinkView;
  liabilityLink: LiabilityLinkView | null;
}

/**
 * Re-raises a field problem of a nested part of the request under its path in that request
 * (`elementId` → `link.elementId`), so the caller is told which field of what it sent is wrong.
 */
async function under<T>(prefix: string, keep: readonly string[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainException) || !Array.isArray(error.details)) throw error;
    const rename = (field: string) => (keep.includes(field) ? field : `${prefix}.${field}`);
    const details = (error.details as FieldProblem[]).map((p) => ({ ...p, field: rename(p.field) }));
    const first = (error.details as FieldProblem[])[0]?.field;
    const message = first && error.message.startsWith(`${first} `) ? `${rename(first)}${error.message.slice(first.length)}` : error.message;
    throw new DomainException(error.code, message, details);
  }
}

/**
 * A passage chosen in the reader, its element link and (optionally) its requirement link, in one
 * transaction: nothing is recorded unless all of it is, so a retry after a refused link creates
 * exactly one item. Each part is checked and audited as by its own endpoint.
 */
@Injectable()
export class PassageEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: EvidenceItemsService,
    private readonly links: EvidenceLinksService,
    private readonly liability: LiabilityService,
  ) {}

  async create(caseId: string, input: CreatePassageEvidenceDto, actor: AuthenticatedUser): Promise<PassageEvidenceView> {
    if (input.requirementId && !input.link.perpetratorId) {
      throw new ValidationDomainException('requirementId', "needs the link's perpetratorId (an individual): a requirement of a mode of liability is charged against a person");
    }
    return this.dataSource.transaction(async (manager) => {
      const item = await this.items.createIn(manager, caseId, { kind: 'transcript_passage', title: input.title, description: input.description, passage: input.passage }, actor);
      const link = await under('link', [], () => this.links.createIn(manager, caseId, { ...input.link, itemId: item.item.id }, actor));
      const { requirementId } = input;
      const { perpetratorId, modeOfLiabilityId } = input.link;
      const liabilityLink = requirementId && perpetratorId
        ? await under('link', ['requirementId'], () => this.liability.createIn(manager, caseId, {
          itemId: item.item.id, frameworkVersionId: input.link.frameworkVersionId, perpetratorId, requirementId, modeOfLiabilityId, incidentId: input.link.incidentId,
          relation: input.link.relation, probativeValue: input.link.probativeValue, sourceReliability: input.link.sourceReliability,
          informationCredibility: input.link.informationCredibility, note: input.link.note,
        }, actor))
        : null;
      return { item, link, liabilityLink };
    });
  }
}
