import { createHash } from "node:crypto";
import { MigrationInterface, QueryRunner } from "typeorm";
import type { SeedAnnotation, SeedElementAlternative, SeedFramework, SeedKoreanText } from "./seed/legal-types";
import { ROME_STATUTE_FRAMEWORK } from "./seed/rome-statute";
import { validateFramework } from "./seed/validate-framework";

// The built-in legal framework: Rome Statute + Elements of Crimes, 2011 ICC edition, in our own
// paraphrase (migrations/seed/). Inserted as a draft, then published, so the immutability
// triggers of the LegalEvidence migration guard it from then on. Ids are derived from the codes
// (name-based UUIDs), so every installation has the same ids for the same nodes.

const NAMESPACE = "sillok:legal";

/** A name-based (version 5 style, SHA-1) UUID. */
function seedId(name: string): string {
    const h = createHash("sha1").update(`${NAMESPACE}:${name}`, "utf8").digest();
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString("hex");
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const ko = (k: SeedKoreanText | null) => (k ? { text: k.text, confidence: k.confidence, ...(k.note ? { note: k.note } : {}) } : null);
const notes = (n: readonly SeedAnnotation[] | undefined) => (n ?? []).map((a) => ({ text: a.text, source: a.source, confidence: a.confidence }));
const alternatives = (alts: readonly SeedElementAlternative[] | undefined) => (alts ?? []).map((a) => ({ code: a.code, letter: a.letter, text: a.text, notes: notes(a.notes) }));

async function insertFramework(queryRunner: QueryRunner, f: SeedFramework): Promise<void> {
    const problems = validateFramework(f);
    if (problems.length) throw new Error(`The ${f.code} seed is inconsistent: ${problems.join("; ")}`);
    const key = `${f.code}@${f.version}`;
    const frameworkId = seedId(key);
    const id = (code: string) => seedId(`${key}/${code}`);

    await queryRunner.query(
        `INSERT INTO "legal_frameworks" ("id", "code", "version", "title_en", "title_ko", "description", "jurisdiction", "status", "builtin", "groups", "reference", "revision")
         VALUES ($1, $2, $3, $4, $5, $6, NULL, 'draft', true, $7, $8, 1)`,
        [
            frameworkId, f.code, f.version, f.titleEn, JSON.stringify(ko(f.titleKo)), f.description,
            JSON.stringify(f.groups.map((g) => ({ key: g.key, code: g.code, articleRef: g.articleRef, titleEn: g.titleEn, titleKo: ko(g.titleKo), sortOrder: g.sortOrder }))),
            JSON.stringify({
                instrumentVersions: f.instrumentVersions,
                sources: f.sources.map((s) => ({ key: s.key, title: s.title, instrumentVersion: s.instrumentVersion, location: s.location })),
                caveats: notes(f.caveats),
                glossary: f.glossary.map((g) => ({ code: g.code, statuteRef: g.statuteRef, termEn: g.termEn, termKo: ko(g.termKo), text: g.text, relatedCrimeCodes: g.relatedCrimeCodes, confidence: g.confidence })),
                guidanceNotes: f.guidanceNotes.map((n) => ({ code: n.code, title: n.title, text: n.text, sourceRef: n.sourceRef, confidence: n.confidence })),
            }),
        ],
    );

    const shared = f.sharedRequirements.map((s, i) => ({
        id: id(s.code), framework_id: frameworkId, code: s.code, group_key: s.group, kind: s.kind, text: s.text, source_ref: s.sourceRef,
        reference_ids: s.referenceIds, refines: s.refines ?? null, notes: notes(s.notes), confidence: s.confidence, sort_order: i + 1,
    }));
    await queryRunner.query(
        `INSERT INTO "legal_shared_requirements" ("id", "framework_id", "code", "group_key", "kind", "text", "source_ref", "reference_ids", "refines", "notes", "confidence", "sort_order")
         SELECT id, framework_id, code, group_key, kind, text, source_ref, reference_ids, refines, notes, confidence, sort_order
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, framework_id uuid, code text, group_key text, kind text, text text, source_ref text, reference_ids text[], refines text, notes jsonb, confidence text, sort_order int)`,
        [JSON.stringify(shared)],
    );

    const crimes = f.crimes.map((c) => ({
        id: id(c.code), framework_id: frameworkId, code: c.code, reference_id: c.referenceId, group_key: c.group, article_ref: c.articleRef, title_en: c.titleEn,
        title_ko: ko(c.titleKo), sort_order: c.sortOrder, armed_conflict: c.armedConflict ?? null, confidence: c.confidence,
        details: {
            definitionRefs: c.definitionRefs,
            notes: notes(c.notes),
            ...(c.variants ? { variants: c.variants.map((v) => ({ code: v.code, titleEn: v.titleEn, titleKo: ko(v.titleKo), description: v.description, confidence: v.confidence })) } : {}),
            ...(c.persecutionGrounds ? { persecutionGrounds: c.persecutionGrounds.map((g) => ({ key: g.key, code: g.code, labelEn: g.labelEn, labelKo: ko(g.labelKo), statuteRef: g.statuteRef })) } : {}),
        },
    }));
    await queryRunner.query(
        `INSERT INTO "legal_crimes" ("id", "framework_id", "code", "reference_id", "group_key", "article_ref", "title_en", "title_ko", "sort_order", "armed_conflict", "confidence", "details", "revision")
         SELECT id, framework_id, code, reference_id, group_key, article_ref, title_en, title_ko, sort_order, armed_conflict, confidence, details, 1
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, framework_id uuid, code text, reference_id text, group_key text, article_ref text, title_en text, title_ko jsonb, sort_order int, armed_conflict text, confidence text, details jsonb)`,
        [JSON.stringify(crimes)],
    );

    const elements = f.crimes.flatMap((c) => c.elements.map((e) => ({
        id: id(e.code), framework_id: frameworkId, crime_id: id(c.code), code: e.code, number: e.number, kind: e.kind, text: e.text,
        shared_ref: e.sharedRef ?? null, alternatives: alternatives(e.alternatives), notes: notes(e.notes), confidence: e.confidence,
    })));
    await queryRunner.query(
        `INSERT INTO "legal_elements" ("id", "framework_id", "crime_id", "code", "number", "kind", "text", "shared_ref", "alternatives", "notes", "confidence")
         SELECT id, framework_id, crime_id, code, number, kind, text, shared_ref, alternatives, notes, confidence
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, framework_id uuid, crime_id uuid, code text, number int, kind text, text text, shared_ref text, alternatives jsonb, notes jsonb, confidence text)`,
        [JSON.stringify(elements)],
    );

    const modes = f.modesOfLiability.map((m) => ({
        id: id(m.code), framework_id: frameworkId, code: m.code, reference_id: m.referenceId, article_ref: m.articleRef, title_en: m.titleEn, title_ko: ko(m.titleKo),
        sort_order: m.sortOrder, applies_to: m.appliesTo === "all" ? null : [...m.appliesTo], confidence: m.confidence, notes: notes(m.notes),
    }));
    await queryRunner.query(
        `INSERT INTO "legal_modes_of_liability" ("id", "framework_id", "code", "reference_id", "article_ref", "title_en", "title_ko", "sort_order", "applies_to", "confidence", "notes", "revision")
         SELECT id, framework_id, code, reference_id, article_ref, title_en, title_ko, sort_order, applies_to, confidence, notes, 1
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, framework_id uuid, code text, reference_id text, article_ref text, title_en text, title_ko jsonb, sort_order int, applies_to text[], confidence text, notes jsonb)`,
        [JSON.stringify(modes)],
    );

    const requirements = f.modesOfLiability.flatMap((m) => m.requirements.map((r) => ({
        id: id(r.code), framework_id: frameworkId, mode_id: id(m.code), code: r.code, number: r.number, kind: r.kind, text: r.text, statute_ref: r.statuteRef,
        alternatives: alternatives(r.alternatives), notes: notes(r.notes), confidence: r.confidence,
    })));
    await queryRunner.query(
        `INSERT INTO "legal_mode_requirements" ("id", "framework_id", "mode_id", "code", "number", "kind", "text", "statute_ref", "alternatives", "notes", "confidence")
         SELECT id, framework_id, mode_id, code, number, kind, text, statute_ref, alternatives, notes, confidence
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, framework_id uuid, mode_id uuid, code text, number int, kind text, text text, statute_ref text, alternatives jsonb, notes jsonb, confidence text)`,
        [JSON.stringify(requirements)],
    );

    // From here on the triggers refuse any change to it.
    await queryRunner.query(`UPDATE "legal_frameworks" SET "status" = 'published', "published_at" = now() WHERE "id" = $1`, [frameworkId]);
}

export class SeedRomeStatute1795376923443 implements MigrationInterface {
    name = 'SeedRomeStatute1795376923443'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await insertFramework(queryRunner, ROME_STATUTE_FRAMEWORK);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Refused by the evidence_links foreign key while any evidence is linked to it, as it should be.
        const tables = ["legal_frameworks", "legal_shared_requirements", "legal_crimes", "legal_elements", "legal_modes_of_liability", "legal_mode_requirements"];
        for (const table of tables) await queryRunner.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
        await queryRunner.query(`DELETE FROM "legal_frameworks" WHERE "id" = $1`, [seedId(`${ROME_STATUTE_FRAMEWORK.code}@${ROME_STATUTE_FRAMEWORK.version}`)]);
        for (const table of tables) await queryRunner.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    }
}
