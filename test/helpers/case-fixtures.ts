import { bearer, TestContext } from './test-app';

export interface CaseFixture {
  caseId: string;
  lead: { id: string; token: string };
  /** A member who records but has no identity clearance. */
  investigator: { id: string; token: string };
  observer: { id: string; token: string };
  outsider: { id: string; token: string };
}

/** A case with a cleared lead, an uncleared investigator, an observer and a non-member. */
export async function createCaseFixture(ctx: TestContext): Promise<CaseFixture> {
  const lead = await ctx.createUser('investigator');
  const investigator = await ctx.createUser('investigator');
  const observer = await ctx.createUser('analyst');
  const outsider = await ctx.createUser('investigator');
  const res = await ctx.http().post('/cases').set(...bearer(lead.token)).send({ title: 'Kwanliso 15 detention' }).expect(201);
  const caseId = res.body.id as string;
  await ctx.http().put(`/cases/${caseId}/members/${investigator.id}`).set(...bearer(lead.token)).send({ role: 'investigator', identityClearance: false }).expect(200);
  await ctx.http().put(`/cases/${caseId}/members/${observer.id}`).set(...bearer(lead.token)).send({ role: 'observer', identityClearance: false }).expect(200);
  return { caseId, lead, investigator, observer, outsider };
}

export const WITNESS_IDENTITY = {
  namesHangul: ['김철수'],
  namesRomanised: ['Kim Chol-su'],
  aliases: ['Chol-su Aba'],
  sex: 'male',
  birthDate: { date: '1968-04', precision: 'month' },
  birthplace: 'Hoeryong, North Hamgyong',
  contacts: [{ kind: 'phone', value: '010-1234-5678' }],
  currentLocation: 'Seoul, Nowon-gu',
  relatives: [{ relation: 'sister', name: '김영희', note: 'still in Hoeryong' }],
};

/** Strings that must never appear where identities are not allowed. */
export const IDENTIFYING_STRINGS = ['김철수', 'Kim Chol-su', 'Chol-su Aba', 'Hoeryong', '010-1234-5678', 'Nowon-gu', '김영희', 'Hanawon annex room 3', 'Interpreter Pak'];

export const TRANSCRIPT_TEXT = '저는 김철수입니다. 1997년에 요덕수용소에서 강제노동을 했습니다. 누나 김영희는 아직 회령에 있습니다.';
