import type { DisclosureDecision } from 'src/consent/policy/consent.types';
import { decideItem, decideTestimony, escapeHtml, itemTestimony, parseDeathPenalty, profileDeidentifies, renderReport, shortRef, type TestimonyOutcome } from 'src/exports/export-policy';
import { BUILT_IN_PROFILES } from 'src/redaction/engine';

const allowed = (form: 'identified' | 'pseudonymised'): DisclosureDecision => ({ allowed: true, form, consentVersion: 2, reasonCodes: ['consent_in_force'] });
const denied = (reason: 'consent_withdrawn' | 'death_penalty_jurisdiction'): DisclosureDecision => ({ allowed: false, reason, explanation: 'x' });

describe('export policy', () => {
  it('a testimony goes out only with consent and an approved redaction of its original', () => {
    expect(decideTestimony(denied('consent_withdrawn'), true)).toEqual({ include: false, reason: 'consent_withdrawn' });
    expect(decideTestimony(denied('death_penalty_jurisdiction'), true)).toEqual({ include: false, reason: 'death_penalty_jurisdiction' });
    expect(decideTestimony(allowed('pseudonymised'), false)).toEqual({ include: false, reason: 'no_approved_redaction' });
    expect(decideTestimony(allowed('identified'), true)).toEqual({ include: true, form: 'identified', consentVersion: 2 });
  });

  it('evidence follows its testimony; recordings need identified consent and a profile that does not de-identify', () => {
    const outcomes = new Map<string, TestimonyOutcome>([
      ['out', { include: false, reason: 'consent_withdrawn' }],
      ['pseudo', { include: true, form: 'pseudonymised', consentVersion: 1 }],
      ['ident', { include: true, form: 'identified', consentVersion: 1 }],
    ]);
    const item = (over: Partial<Parameters<typeof decideItem>[0]>) => ({ id: 'i', code: 'E-0001', kind: 'document', testimonyId: null, fileId: null, derivedFromId: null, ...over });
    const none = new Set<string>();
    expect(decideItem(item({}), outcomes, false, none)).toEqual({ include: true });
    expect(decideItem(item({ testimonyId: 'out' }), outcomes, false, none)).toEqual({ include: false, reason: 'source_testimony_excluded' });
    expect(decideItem(item({ testimonyId: 'missing' }), outcomes, false, none)).toEqual({ include: false, reason: 'source_testimony_excluded' });
    expect(decideItem(item({ testimonyId: 'pseudo' }), outcomes, false, none)).toEqual({ include: true });
    expect(decideItem(item({ testimonyId: 'pseudo', fileId: 'f' }), outcomes, false, none)).toEqual({ include: false, reason: 'recording_identifies_witness' });
    expect(decideItem(item({ testimonyId: 'ident', fileId: 'f' }), outcomes, false, none)).toEqual({ include: true });
    expect(decideItem(item({ testimonyId: 'ident', fileId: 'f' }), outcomes, true, none)).toEqual({ include: false, reason: 'recording_identifies_witness' });
    expect(decideItem(item({ derivedFromId: 'x' }), outcomes, false, new Set(['x']))).toEqual({ include: false, reason: 'source_item_excluded' });
  });

  it('finds an item testimony by its column, its source key (working copies) or its file', () => {
    expect(itemTestimony({ testimonyId: 't1', sourceKey: 'testimony:t2', fileTestimonyId: 't3' })).toBe('t1');
    expect(itemTestimony({ testimonyId: null, sourceKey: 'testimony:t2', fileTestimonyId: null })).toBe('t2');
    expect(itemTestimony({ testimonyId: null, sourceKey: 'file:abc', fileTestimonyId: 't3' })).toBe('t3');
    expect(itemTestimony({ testimonyId: null, sourceKey: 'item:x', fileTestimonyId: null })).toBeNull();
  });

  it('parses the death-penalty flag fail-closed and knows which profiles de-identify', () => {
    expect([parseDeathPenalty('true'), parseDeathPenalty('false'), parseDeathPenalty('unknown'), parseDeathPenalty('')]).toEqual([true, false, 'unknown', 'unknown']);
    expect(profileDeidentifies(BUILT_IN_PROFILES.public)).toBe(true);
    expect(profileDeidentifies(BUILT_IN_PROFILES.un)).toBe(false);
    expect(shortRef('0a1b2c3d-4e5f-4000-8000-000000000000')).toBe('0a1b2c3d');
  });

  it('the report escapes every value', () => {
    expect(escapeHtml(`<script>"&'`)).toBe('&lt;script&gt;&quot;&amp;&#39;');
    const html = renderReport({
      exportId: 'e', caseRef: 'c', caseTitle: '<b>case</b>', recipient: { kind: 'icc', name: '<img src=x onerror=alert(1)>', deathPenaltyJurisdiction: 'false' }, purpose: 'share_icc', profile: 'icc',
      framework: null, generatedAt: new Date('2026-01-01T00:00:00Z'), keyFingerprint: 'ab', counts: { testimonies: 1 },
      excluded: [{ code: 'W-0002', kind: 'testimony', ref: '12345678', reason: 'consent_withdrawn' }], testimonies: [], items: [], files: [],
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>case');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('consent_withdrawn');
  });
});
