/**
 * Built-in legal framework: Rome Statute of the ICC + Elements of Crimes, 2011 ICC edition.
 *
 * Pure data (imports only ./legal-types). Inserted by a later migration; see ./README.md.
 *
 * Source: /work/shared/docs/legal-reference.md §0–§4, itself built from the ICC 2011 publication of
 * the Rome Statute and the Elements of Crimes (ASP 2002 text + Kampala 2010 amendments). Element
 * counts and numbering are those of the EOC. Every legal sentence below is OUR PARAPHRASE — not the
 * authentic text. Where users need authoritative wording, link to the ICC's official PDFs.
 *
 * Versioning: (code, version) = ('rome-statute', '2011-icc-ed'). Later amendments (2017 weapons
 * amendments, 2019 starvation in NIAC, art. 8(2)(e)(xix)) must become a NEW version, never edits.
 */
import type {
  ArmedConflictType,
  Confidence,
  CrimeGroupKey,
  ElementKind,
  SeedAnnotation,
  SeedCrime,
  SeedCrimeVariant,
  SeedElement,
  SeedFramework,
  SeedGlossaryEntry,
  SeedKoreanText,
  SeedModeOfLiability,
  SeedPersecutionGround,
  SeedRequirement,
} from './legal-types';

// ---------------------------------------------------------------------------------------------
// Small pure builders. Element numbers are written out explicitly (`n`) so that a reviewer can
// compare each line with the EOC; the validator checks that they are contiguous.
// ---------------------------------------------------------------------------------------------

interface AlternativeSpec {
  readonly letter: string;
  readonly text: string;
  readonly notes?: readonly SeedAnnotation[];
}

interface ElementSpec {
  readonly n: number;
  readonly kind: ElementKind;
  readonly text: string;
  readonly sharedRef?: string;
  readonly alternatives?: readonly AlternativeSpec[];
  readonly notes?: readonly SeedAnnotation[];
  readonly confidence?: Confidence;
}

function buildAlternatives(parentCode: string, alternatives: readonly AlternativeSpec[] | undefined) {
  if (alternatives === undefined) return {};
  return {
    alternatives: alternatives.map((a) => ({
      code: `${parentCode}${a.letter}`,
      letter: a.letter,
      text: a.text,
      ...(a.notes ? { notes: a.notes } : {}),
    })),
  };
}

function elements(crimeCode: string, specs: readonly ElementSpec[]): SeedElement[] {
  return specs.map((s) => {
    const code = `${crimeCode}-E${s.n}`;
    return {
      code,
      number: s.n,
      kind: s.kind,
      text: s.text,
      ...(s.sharedRef ? { sharedRef: s.sharedRef } : {}),
      ...buildAlternatives(code, s.alternatives),
      ...(s.notes ? { notes: s.notes } : {}),
      confidence: s.confidence ?? 'V',
    };
  });
}

interface RequirementSpec {
  readonly n: number;
  readonly kind: ElementKind;
  readonly text: string;
  readonly statuteRef: string;
  readonly alternatives?: readonly AlternativeSpec[];
  readonly notes?: readonly SeedAnnotation[];
  readonly confidence?: Confidence;
}

function requirements(modeCode: string, specs: readonly RequirementSpec[]): SeedRequirement[] {
  return specs.map((s) => {
    const code = `${modeCode}-R${s.n}`;
    return {
      code,
      number: s.n,
      kind: s.kind,
      text: s.text,
      statuteRef: s.statuteRef,
      ...buildAlternatives(code, s.alternatives),
      ...(s.notes ? { notes: s.notes } : {}),
      confidence: s.confidence ?? 'V',
    };
  });
}

const eoc = (fn: number, text: string): SeedAnnotation => ({ text, source: `EOC fn ${fn}`, confidence: 'V' });
const note = (source: string, text: string, confidence: Confidence = 'V'): SeedAnnotation => ({ text, source, confidence });
/** Korean renderings: none is given by legal-reference.md, so each carries its own confidence. */
const ko = (text: string, confidence: Confidence = 'U', koNote?: string): SeedKoreanText => ({
  text,
  confidence,
  ...(koNote ? { note: koNote } : {}),
});

// ---------------------------------------------------------------------------------------------
// Shared (contextual and recurring) requirements
// ---------------------------------------------------------------------------------------------

const CAH_CTX_1 = 'RS-7-CTX-1';
const CAH_CTX_2 = 'RS-7-CTX-2';
const GEN_GROUP = 'RS-6-GEN-GROUP';
const GEN_INTENT = 'RS-6-GEN-INTENT';
const GEN_CTX = 'RS-6-GEN-CTX';
const WC_CTX_1_IAC = 'RS-8-CTX-1-IAC';
const WC_CTX_1_NIAC = 'RS-8-CTX-1-NIAC';
const WC_CTX_2 = 'RS-8-CTX-2';
const WC_GB_PROTECTED = 'RS-8-GB-PROTECTED';
const WC_GB_AWARE = 'RS-8-GB-AWARE';

/** The two closing elements common to every crime against humanity (EOC art. 7 intro para 2). */
function cahContext(first: number): ElementSpec[] {
  return [
    {
      n: first,
      kind: 'contextual',
      sharedRef: CAH_CTX_1,
      text: 'The conduct was committed as part of a widespread or systematic attack directed against a civilian population.',
    },
    {
      n: first + 1,
      kind: 'contextual',
      sharedRef: CAH_CTX_2,
      text: 'The perpetrator knew that the conduct was part of such an attack, or intended it to be part of one (knowledge limb of the context).',
    },
  ];
}

/** Genocide: protected-group element and specific-intent element (elements 2 and 3 of every act). */
const genocideGroupAndIntent: readonly ElementSpec[] = [
  {
    n: 2,
    kind: 'material',
    sharedRef: GEN_GROUP,
    text: 'The victim or victims belonged to a particular national, ethnical, racial or religious group.',
  },
  {
    n: 3,
    kind: 'mental',
    sharedRef: GEN_INTENT,
    text: 'The perpetrator intended to destroy that national, ethnical, racial or religious group, in whole or in part, as such.',
  },
];

function genocideContext(n: number): ElementSpec {
  return {
    n,
    kind: 'contextual',
    sharedRef: GEN_CTX,
    text: 'The conduct took place in the context of a manifest pattern of similar conduct directed against that group, or was itself capable of effecting such destruction.',
  };
}

/** The two closing elements common to every war crime (EOC art. 8 intro). */
function warContext(first: number, conflict: ArmedConflictType): ElementSpec[] {
  return [
    {
      n: first,
      kind: 'contextual',
      sharedRef: conflict === 'international' ? WC_CTX_1_IAC : WC_CTX_1_NIAC,
      text:
        conflict === 'international'
          ? 'The conduct took place in the context of, and was associated with, an international armed conflict.'
          : 'The conduct took place in the context of, and was associated with, an armed conflict not of an international character.',
    },
    {
      n: first + 1,
      kind: 'contextual',
      sharedRef: WC_CTX_2,
      text: 'The perpetrator was aware of the factual circumstances that established the existence of an armed conflict.',
    },
  ];
}

/** Grave breaches (art. 8(2)(a)): Geneva-protected status and awareness of it. */
function graveBreachStatus(first: number): ElementSpec[] {
  return [
    {
      n: first,
      kind: 'material',
      sharedRef: WC_GB_PROTECTED,
      text: 'The victim or victims were protected under one or more of the 1949 Geneva Conventions.',
    },
    {
      n: first + 1,
      kind: 'mental',
      sharedRef: WC_GB_AWARE,
      text: 'The perpetrator was aware of the factual circumstances that established that protected status.',
    },
  ];
}

/** Common article 3 (art. 8(2)(c)): status of the victims and awareness of it. */
function commonArticle3Status(first: number): ElementSpec[] {
  return [
    {
      n: first,
      kind: 'material',
      text: 'The victim or victims were hors de combat, or were civilians, medical personnel or religious personnel taking no active part in the hostilities.',
      notes: [eoc(56, 'Religious personnel includes non-confessional, non-combatant military personnel performing a similar function.')],
    },
    {
      n: first + 1,
      kind: 'mental',
      text: 'The perpetrator was aware of the factual circumstances that established this status.',
    },
  ];
}

// Recurring coercion formula of the sexual-violence crimes, paraphrased once.
const COERCION =
  'by force, by threat of force, or by coercion (for instance arising from fear of violence, duress, detention, psychological oppression or abuse of power) against the victim or another person, or by taking advantage of a coercive environment';

const OWNERSHIP_POWERS =
  'exercised any or all of the powers attaching to the right of ownership over one or more persons, for example by buying, selling, lending or bartering them, or by imposing a comparable deprivation of liberty on them';

const FORCED_LABOUR_NOTE = (fn: number): SeedAnnotation =>
  eoc(
    fn,
    'The deprivation of liberty may in some circumstances include exacting forced labour or otherwise reducing a person to servile status within the meaning of the 1956 Supplementary Slavery Convention; the conduct also covers trafficking in persons, in particular women and children.',
  );

const INCAPACITY_NOTE = (fn: number): SeedAnnotation =>
  eoc(fn, 'A person may be unable to give genuine consent because of natural, induced or age-related incapacity (applies also to the corresponding elements of enforced prostitution, enforced sterilization and sexual violence).');

// ---------------------------------------------------------------------------------------------
// Glossary: RS 7(2) definitions and 7(3) [V: RS 7(2), 7(3)]
// ---------------------------------------------------------------------------------------------

const glossary: SeedGlossaryEntry[] = [
  {
    code: 'RS-DEF-7-2-a',
    statuteRef: 'RS 7(2)(a)',
    termEn: 'Attack directed against any civilian population',
    termKo: null,
    text: 'A course of conduct involving the multiple commission of acts listed in art. 7(1) against any civilian population, pursuant to or in furtherance of a State or organizational policy to commit such an attack.',
    relatedCrimeCodes: [],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-b',
    statuteRef: 'RS 7(2)(b)',
    termEn: 'Extermination',
    termKo: null,
    text: 'Includes intentionally inflicting conditions of life, such as depriving people of access to food and medicine, calculated to bring about the destruction of part of a population.',
    relatedCrimeCodes: ['RS-7-1-b'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-c',
    statuteRef: 'RS 7(2)(c)',
    termEn: 'Enslavement',
    termKo: null,
    text: 'Exercising any or all of the powers attaching to the right of ownership over a person, including exercising such power in the course of trafficking in persons, in particular women and children.',
    relatedCrimeCodes: ['RS-7-1-c', 'RS-7-1-g-2'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-d',
    statuteRef: 'RS 7(2)(d)',
    termEn: 'Deportation or forcible transfer of population',
    termKo: null,
    text: 'Forced displacement of the persons concerned, by expulsion or other coercive acts, from the area where they are lawfully present, without grounds permitted under international law.',
    relatedCrimeCodes: ['RS-7-1-d'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-e',
    statuteRef: 'RS 7(2)(e)',
    termEn: 'Torture',
    termKo: null,
    text: 'Intentionally inflicting severe physical or mental pain or suffering on a person in the custody or under the control of the accused; pain or suffering arising only from, inherent in or incidental to lawful sanctions is excluded.',
    relatedCrimeCodes: ['RS-7-1-f'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-f',
    statuteRef: 'RS 7(2)(f)',
    termEn: 'Forced pregnancy',
    termKo: null,
    text: 'Unlawfully confining a woman who was forcibly made pregnant, with the intent of affecting the ethnic composition of a population or of carrying out other grave violations of international law. The definition does not affect national laws on pregnancy.',
    relatedCrimeCodes: ['RS-7-1-g-4'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-g',
    statuteRef: 'RS 7(2)(g)',
    termEn: 'Persecution',
    termKo: null,
    text: 'The intentional and severe deprivation of fundamental rights, contrary to international law, by reason of the identity of a group or collectivity.',
    relatedCrimeCodes: ['RS-7-1-h'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-h',
    statuteRef: 'RS 7(2)(h)',
    termEn: 'The crime of apartheid',
    termKo: null,
    text: 'Inhumane acts of a character similar to those in art. 7(1), committed in the context of an institutionalized regime of systematic oppression and domination by one racial group over any other racial group or groups, and with the intention of maintaining that regime.',
    relatedCrimeCodes: ['RS-7-1-j'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-2-i',
    statuteRef: 'RS 7(2)(i)',
    termEn: 'Enforced disappearance of persons',
    termKo: null,
    text: 'Arrest, detention or abduction of persons by, or with the authorization, support or acquiescence of, a State or political organization, followed by a refusal to acknowledge the deprivation of freedom or to give information on their fate or whereabouts, with the intention of removing them from the protection of the law for a prolonged period.',
    relatedCrimeCodes: ['RS-7-1-i'],
    confidence: 'V',
  },
  {
    code: 'RS-DEF-7-3',
    statuteRef: 'RS 7(3)',
    termEn: 'Gender',
    termKo: null,
    text: 'For the Statute, "gender" means the two sexes, male and female, within the context of society, and carries no other meaning (2011 text).',
    relatedCrimeCodes: ['RS-7-1-h'],
    confidence: 'V',
  },
];

// ---------------------------------------------------------------------------------------------
// Article 6 — Genocide [V: RS art. 6; EOC art. 6; legal-reference.md §2]
// ---------------------------------------------------------------------------------------------

function genocide(
  letter: string,
  sortOrder: number,
  titleEn: string,
  titleKo: SeedKoreanText,
  specs: readonly ElementSpec[],
  notes?: readonly SeedAnnotation[],
): SeedCrime {
  const code = `RS-6-${letter}`;
  return {
    code,
    referenceId: `6(${letter})`,
    group: 'genocide',
    articleRef: `RS 6(${letter})`,
    definitionRefs: [],
    titleEn,
    titleKo,
    sortOrder,
    elements: elements(code, specs),
    ...(notes ? { notes } : {}),
    confidence: 'V',
  };
}

const genocideCrimes: SeedCrime[] = [
  genocide('a', 1, 'Genocide by killing', ko('집단 구성원의 살해'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator killed (caused the death of) one or more persons.',
      notes: [eoc(2, '"Killed" and "caused death" are interchangeable.')],
    },
    ...genocideGroupAndIntent,
    genocideContext(4),
  ]),
  genocide('b', 2, 'Genocide by causing serious bodily or mental harm', ko('집단 구성원에 대한 중대한 신체적 또는 정신적 위해의 야기'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator caused serious bodily or mental harm to one or more persons.',
      notes: [eoc(3, 'May include, among other things, torture, rape, sexual violence, or inhuman or degrading treatment.')],
    },
    ...genocideGroupAndIntent,
    genocideContext(4),
  ]),
  genocide(
    'c',
    3,
    'Genocide by deliberately inflicting conditions of life calculated to bring about physical destruction',
    ko('집단의 전부 또는 일부의 육체적 파괴를 초래할 목적으로 계산된 생활조건의 고의적 부과'),
    [
      { n: 1, kind: 'material', text: 'The perpetrator imposed certain conditions of life on one or more persons.' },
      ...genocideGroupAndIntent,
      {
        n: 4,
        kind: 'material',
        text: 'Those conditions of life were calculated to bring about the physical destruction of the group, in whole or in part.',
        notes: [
          eoc(4, 'Conditions of life may include deliberately depriving people of resources indispensable for survival, such as food or medical services, or systematically expelling them from their homes.'),
        ],
      },
      genocideContext(5),
    ],
  ),
  genocide('d', 4, 'Genocide by imposing measures intended to prevent births', ko('집단 내의 출생을 방지하기 위하여 의도된 조치의 부과'), [
    { n: 1, kind: 'material', text: 'The perpetrator imposed certain measures on one or more persons.' },
    ...genocideGroupAndIntent,
    {
      n: 4,
      kind: 'mental',
      text: 'The measures were intended to prevent births within that group.',
      notes: [note('seed author', 'Classified as mental because the element is framed as the purpose of the measures; some readings treat it as an objective quality of the measures.', 'U')],
    },
    genocideContext(5),
  ]),
  genocide('e', 5, 'Genocide by forcibly transferring children', ko('집단의 아동을 다른 집단으로 강제 이주'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator forcibly transferred one or more persons.',
      notes: [eoc(5, '"Forcibly" is not limited to physical force; it includes threats, coercion (fear of violence, duress, detention, psychological oppression, abuse of power) and taking advantage of a coercive environment.')],
    },
    ...genocideGroupAndIntent,
    { n: 4, kind: 'material', text: 'The transfer was from that group to another group.' },
    { n: 5, kind: 'material', text: 'The person or persons were under 18 years of age.' },
    { n: 6, kind: 'mental', text: 'The perpetrator knew, or should have known, that the person or persons were under 18.' },
    genocideContext(7),
  ]),
];

// ---------------------------------------------------------------------------------------------
// Article 7 — Crimes against humanity [V: RS art. 7; EOC art. 7; legal-reference.md §1]
// ---------------------------------------------------------------------------------------------

function cah(
  id: string,
  sortOrder: number,
  articleRef: string,
  definitionRefs: readonly string[],
  titleEn: string,
  titleKo: SeedKoreanText,
  specs: readonly ElementSpec[],
  extra: Partial<Pick<SeedCrime, 'notes' | 'variants' | 'persecutionGrounds'>> = {},
): SeedCrime {
  // id like "1-c" or "1-g-1" -> code RS-7-1-c / RS-7-1-g-1; referenceId 7(1)(c) / 7(1)(g)-1
  const [para, letter, sub] = id.split('-');
  const code = `RS-7-${id}`;
  return {
    code,
    referenceId: `7(${para})(${letter})${sub ? `-${sub}` : ''}`,
    group: 'crimes-against-humanity',
    articleRef,
    definitionRefs,
    titleEn,
    titleKo,
    sortOrder,
    elements: elements(code, specs),
    ...extra,
    confidence: 'V',
  };
}

const deportationVariants: SeedCrimeVariant[] = [
  {
    code: 'RS-7-1-d-deportation',
    titleEn: 'Deportation (across a State border)',
    titleKo: ko('추방'),
    description: 'Tagging variant: removal of persons to another State. Not a separate crime in the EOC, which treats deportation and forcible transfer under one heading with one set of elements.',
    confidence: 'S',
  },
  {
    code: 'RS-7-1-d-forcible-transfer',
    titleEn: 'Forcible transfer (within a State)',
    titleKo: ko('강제이주'),
    description: 'Tagging variant: removal of persons to another location inside the same State (e.g. banishment of families to remote provinces). Same elements as 7(1)(d).',
    confidence: 'S',
  },
];

const persecutionGrounds: SeedPersecutionGround[] = [
  ['political', 'Political', '정치적'],
  ['racial', 'Racial', '인종적'],
  ['national', 'National', '국민적'],
  ['ethnic', 'Ethnic', '민족적'],
  ['cultural', 'Cultural', '문화적'],
  ['religious', 'Religious', '종교적'],
  ['gender', 'Gender (as defined in art. 7(3))', '성별'],
  ['other-universally-impermissible', 'Other grounds universally recognized as impermissible under international law', '국제법상 허용되지 않는 것으로 보편적으로 인정되는 그 밖의 사유'],
].map(([key, labelEn, labelKo]) => ({
  key,
  code: `RS-7-1-h-G-${key}`,
  labelEn,
  labelKo: ko(labelKo),
  statuteRef: key === 'gender' ? 'RS 7(1)(h), 7(3)' : 'RS 7(1)(h)',
}));

const cahCrimes: SeedCrime[] = [
  cah('1-a', 1, 'RS 7(1)(a)', [], 'Murder', ko('살해'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator killed (caused the death of) one or more persons.',
      notes: [eoc(7, '"Killed" and "caused death" are interchangeable, for every element using either term.')],
    },
    ...cahContext(2),
  ]),
  cah('1-b', 2, 'RS 7(1)(b)', ['RS-DEF-7-2-b'], 'Extermination', ko('절멸'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator killed one or more persons, which can include inflicting conditions of life calculated to destroy part of a population.',
      notes: [
        eoc(8, 'The killing may be carried out by different methods, directly or indirectly.'),
        eoc(9, 'Inflicting such conditions could include depriving people of access to food and medicine.'),
      ],
    },
    {
      n: 2,
      kind: 'material',
      text: 'The conduct was, or took place as part of, a mass killing of members of a civilian population.',
      notes: [eoc(10, '"As part of" covers the initial conduct in a mass killing.')],
    },
    ...cahContext(3),
  ]),
  cah(
    '1-c',
    3,
    'RS 7(1)(c)',
    ['RS-DEF-7-2-c'],
    'Enslavement',
    ko('노예화'),
    [
      { n: 1, kind: 'material', text: `The perpetrator ${OWNERSHIP_POWERS}.`, notes: [FORCED_LABOUR_NOTE(11)] },
      ...cahContext(2),
    ],
    {
      notes: [note('legal-reference.md §1.3', 'Footnote 11 (forced labour, servile status, trafficking) is the main hook for evidence of forced labour in DPRK detention facilities.')],
    },
  ),
  cah(
    '1-d',
    4,
    'RS 7(1)(d)',
    ['RS-DEF-7-2-d'],
    'Deportation or forcible transfer of population',
    ko('주민의 추방 또는 강제이주'),
    [
      {
        n: 1,
        kind: 'material',
        text: 'Without grounds permitted under international law, the perpetrator deported or forcibly transferred one or more persons to another State or another location, by expulsion or other coercive acts.',
        notes: [
          eoc(12, '"Forcibly" is not limited to physical force; it includes threats, coercion (fear of violence, duress, detention, psychological oppression, abuse of power) and taking advantage of a coercive environment.'),
          eoc(13, '"Deported or forcibly transferred" means the same as "forcibly displaced".'),
        ],
      },
      { n: 2, kind: 'material', text: 'The persons were lawfully present in the area from which they were removed.' },
      { n: 3, kind: 'mental', text: 'The perpetrator was aware of the factual circumstances that made their presence lawful.' },
      ...cahContext(4),
    ],
    {
      variants: deportationVariants,
      notes: [
        note('legal-reference.md §1.3', 'Common reading (not EOC text): removal to another State is deportation, removal to another location is forcible transfer. Commentators debate whether they are distinct crimes.', 'S'),
      ],
    },
  ),
  cah('1-e', 5, 'RS 7(1)(e)', [], 'Imprisonment or other severe deprivation of physical liberty', ko('구금 또는 신체적 자유의 그 밖의 심각한 박탈'), [
    { n: 1, kind: 'material', text: 'The perpetrator imprisoned one or more persons, or otherwise severely deprived them of physical liberty.' },
    { n: 2, kind: 'material', text: 'The conduct was so grave that it violated fundamental rules of international law.' },
    { n: 3, kind: 'mental', text: 'The perpetrator was aware of the factual circumstances that established that gravity.' },
    ...cahContext(4),
  ]),
  cah(
    '1-f',
    6,
    'RS 7(1)(f)',
    ['RS-DEF-7-2-e'],
    'Torture',
    ko('고문'),
    [
      { n: 1, kind: 'material', text: 'The perpetrator inflicted severe physical or mental pain or suffering on one or more persons.' },
      { n: 2, kind: 'material', text: 'The victim or victims were in the custody, or under the control, of the perpetrator.' },
      { n: 3, kind: 'material', text: 'The pain or suffering did not arise only from lawful sanctions, and was not inherent in or incidental to them.' },
      ...cahContext(4),
    ],
    {
      notes: [eoc(14, 'No specific purpose needs to be proved for torture as a crime against humanity (unlike torture as a war crime, which requires a purpose such as obtaining information or a confession, punishment, intimidation, coercion or discrimination).')],
    },
  ),
  cah('1-g-1', 7, 'RS 7(1)(g)', [], 'Rape', ko('강간'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator invaded a person\'s body by conduct that resulted in penetration, however slight, either of any part of the victim\'s or the perpetrator\'s body by a sexual organ, or of the victim\'s anal or genital opening by any object or any other part of the body.',
      notes: [eoc(15, 'The notion of "invasion" is meant to be gender-neutral.')],
    },
    {
      n: 2,
      kind: 'material',
      text: `The invasion was committed ${COERCION}, or against a person incapable of giving genuine consent.`,
      notes: [INCAPACITY_NOTE(16)],
    },
    ...cahContext(3),
  ]),
  cah(
    '1-g-2',
    8,
    'RS 7(1)(g)',
    ['RS-DEF-7-2-c'],
    'Sexual slavery',
    ko('성적 노예화'),
    [
      { n: 1, kind: 'material', text: `The perpetrator ${OWNERSHIP_POWERS}.`, notes: [FORCED_LABOUR_NOTE(18)] },
      { n: 2, kind: 'material', text: 'The perpetrator caused those persons to engage in one or more acts of a sexual nature.' },
      ...cahContext(3),
    ],
    { notes: [eoc(17, 'Because of its complexity, this crime may be committed by several perpetrators sharing a common criminal purpose.')] },
  ),
  cah('1-g-3', 9, 'RS 7(1)(g)', [], 'Enforced prostitution', ko('강제매춘'), [
    {
      n: 1,
      kind: 'material',
      text: `The perpetrator caused one or more persons to engage in one or more acts of a sexual nature ${COERCION}, or by taking advantage of their incapacity to give genuine consent.`,
    },
    {
      n: 2,
      kind: 'material',
      text: 'The perpetrator or someone else obtained, or expected to obtain, money or another advantage in exchange for or in connection with those acts.',
    },
    ...cahContext(3),
  ]),
  cah('1-g-4', 10, 'RS 7(1)(g)', ['RS-DEF-7-2-f'], 'Forced pregnancy', ko('강제임신'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator confined one or more women who had been forcibly made pregnant, intending to affect the ethnic composition of a population or to carry out other grave violations of international law.',
      notes: [note('seed author', 'This single element combines the conduct (confinement) and a specific intent; it is classified as material because the conduct is its core.', 'U')],
    },
    ...cahContext(2),
  ]),
  cah('1-g-5', 11, 'RS 7(1)(g)', [], 'Enforced sterilization', ko('강제불임'), [
    {
      n: 1,
      kind: 'material',
      text: 'The perpetrator deprived one or more persons of their biological capacity to reproduce.',
      notes: [eoc(19, 'Birth-control measures whose effect is in practice not permanent are not covered.')],
    },
    {
      n: 2,
      kind: 'material',
      text: 'The conduct was neither justified by the medical or hospital treatment of the persons concerned nor carried out with their genuine consent.',
      notes: [eoc(20, 'Consent obtained by deception is not genuine consent.')],
    },
    ...cahContext(3),
  ]),
  cah(
    '1-g-6',
    12,
    'RS 7(1)(g)',
    [],
    'Sexual violence',
    ko('성폭력', 'U', 'Statute wording: other sexual violence of comparable gravity'),
    [
      {
        n: 1,
        kind: 'material',
        text: `The perpetrator committed an act of a sexual nature against one or more persons, or caused them to engage in such an act, ${COERCION}, or by taking advantage of their incapacity to give genuine consent.`,
      },
      { n: 2, kind: 'material', text: 'The conduct was of a gravity comparable to the other offences in art. 7(1)(g).' },
      { n: 3, kind: 'mental', text: 'The perpetrator was aware of the factual circumstances that established that gravity.' },
      ...cahContext(4),
    ],
    {
      notes: [
        note('legal-reference.md §1.3', 'Analyst judgement: COI findings of forced abortions, invasive body searches and sexual violence against forcibly repatriated women are typically tagged here, under 7(1)(k) or under persecution.', 'S'),
      ],
    },
  ),
  cah(
    '1-h',
    13,
    'RS 7(1)(h), 7(3)',
    ['RS-DEF-7-2-g', 'RS-DEF-7-3'],
    'Persecution',
    ko('박해'),
    [
      {
        n: 1,
        kind: 'material',
        text: 'Contrary to international law, the perpetrator severely deprived one or more persons of fundamental rights.',
        notes: [eoc(21, 'Without prejudice to para. 6 of the EOC General Introduction (the requirement of unlawfulness is generally not spelled out in the elements).')],
      },
      {
        n: 2,
        kind: 'material',
        text: 'The perpetrator targeted those persons because of the identity of a group or collectivity, or targeted the group or collectivity as such.',
        notes: [note('seed author', 'Targeting implies a discriminatory choice of victims; evidence of motive is best linked here.', 'U')],
      },
      {
        n: 3,
        kind: 'material',
        text: 'The targeting was based on political, racial, national, ethnic, cultural, religious or gender grounds (art. 7(3)), or on other grounds universally recognized as impermissible under international law.',
        notes: [note('seed author', 'Each ground is also available as structured data on this crime (persecutionGrounds), so evidence can record which ground(s) it supports.', 'V')],
      },
      {
        n: 4,
        kind: 'material',
        text: 'The conduct was committed in connection with an act listed in art. 7(1) or with any crime within the jurisdiction of the Court.',
        notes: [eoc(22, 'No mental element is needed for this element beyond the one inherent in element 6.')],
      },
      ...cahContext(5),
    ],
    { persecutionGrounds },
  ),
  cah(
    '1-i',
    14,
    'RS 7(1)(i)',
    ['RS-DEF-7-2-i'],
    'Enforced disappearance of persons',
    ko('사람들의 강제실종'),
    [
      {
        n: 1,
        kind: 'material',
        text: 'The perpetrator did one of the following:',
        alternatives: [
          {
            letter: 'a',
            text: 'arrested, detained or abducted one or more persons; or',
            notes: [
              eoc(25, '"Detained" includes a perpetrator who maintained an existing detention.'),
              eoc(26, 'In some circumstances the arrest or detention may have been lawful at the outset.'),
            ],
          },
          { letter: 'b', text: 'refused to acknowledge the arrest, detention or abduction, or to give information on the fate or whereabouts of the persons concerned.' },
        ],
      },
      {
        n: 2,
        kind: 'material',
        text: 'One of the following was the case:',
        alternatives: [
          { letter: 'a', text: 'the arrest, detention or abduction was followed or accompanied by a refusal to acknowledge the deprivation of freedom or to give information on the fate or whereabouts of the persons; or' },
          { letter: 'b', text: 'the refusal was preceded or accompanied by that deprivation of freedom.' },
        ],
      },
      {
        n: 3,
        kind: 'mental',
        text: 'The perpetrator was aware of one of the following:',
        notes: [eoc(27, 'This element was added because of the complexity of the crime and does not derogate from the EOC General Introduction.')],
        alternatives: [
          {
            letter: 'a',
            text: 'that the arrest, detention or abduction would, in the ordinary course of events, be followed by a refusal to acknowledge it or to give information on the fate or whereabouts of the persons; or',
            notes: [eoc(28, 'For a perpetrator who maintained an existing detention, it is enough that he or she knew a refusal had already taken place.')],
          },
          { letter: 'b', text: 'that the refusal was preceded or accompanied by the deprivation of freedom.' },
        ],
      },
      { n: 4, kind: 'material', text: 'The arrest, detention or abduction was carried out by a State or political organization, or with its authorization, support or acquiescence.' },
      { n: 5, kind: 'material', text: 'The refusal to acknowledge the deprivation of freedom or to give information on the fate or whereabouts of the persons was carried out by that State or political organization, or with its authorization or support.' },
      { n: 6, kind: 'mental', text: 'The perpetrator intended to remove the persons from the protection of the law for a prolonged period of time.' },
      ...cahContext(7),
    ],
    {
      notes: [
        eoc(23, 'Because of its complexity, this crime will normally involve several perpetrators sharing a common criminal purpose.'),
        eoc(24, 'The Court has jurisdiction only if the attack referred to in elements 7 and 8 took place after the Statute entered into force.'),
        note('seed author', 'Alternatives (a) in elements 1-3 are commonly read together as the profile of the person who deprives of liberty, and alternatives (b) as the profile of the person who refuses information; the EOC does not say so expressly.', 'U'),
      ],
    },
  ),
  cah('1-j', 15, 'RS 7(1)(j)', ['RS-DEF-7-2-h'], 'Apartheid', ko('인종차별범죄'), [
    { n: 1, kind: 'material', text: 'The perpetrator committed an inhumane act against one or more persons.' },
    {
      n: 2,
      kind: 'material',
      text: 'The act was one of the acts listed in art. 7(1), or an act of a similar character.',
      notes: [eoc(29, '"Character" means the nature and gravity of the act.')],
    },
    { n: 3, kind: 'mental', text: 'The perpetrator was aware of the factual circumstances that established the character of the act.' },
    {
      n: 4,
      kind: 'material',
      text: 'The conduct took place in the context of an institutionalized regime of systematic oppression and domination by one racial group over one or more other racial groups.',
      notes: [note('seed author', 'A crime-specific circumstance, not the CAH chapeau; therefore kind material, not contextual.', 'U')],
    },
    { n: 5, kind: 'mental', text: 'By that conduct the perpetrator intended to maintain that regime.' },
    ...cahContext(6),
  ]),
  cah(
    '1-k',
    16,
    'RS 7(1)(k)',
    [],
    'Other inhumane acts',
    ko('그 밖의 비인도적 행위'),
    [
      { n: 1, kind: 'material', text: 'By means of an inhumane act, the perpetrator caused great suffering, or serious injury to body or to mental or physical health.' },
      {
        n: 2,
        kind: 'material',
        text: 'The act was of a character similar to one of the other acts listed in art. 7(1).',
        notes: [eoc(30, '"Character" means the nature and gravity of the act.')],
      },
      { n: 3, kind: 'mental', text: 'The perpetrator was aware of the factual circumstances that established the character of the act.' },
      ...cahContext(4),
    ],
    {
      notes: [note('legal-reference.md §1.3, §5.1', 'The UN Commission of Inquiry on the DPRK (2014) used this head for knowingly causing prolonged starvation.', 'S')],
    },
  ),
];

// ---------------------------------------------------------------------------------------------
// Article 8 — War crimes: the short list in legal-reference.md §3 [V: EOC art. 8]
// ---------------------------------------------------------------------------------------------

interface WarCrimeDef {
  /** Path after "8(2)", e.g. "a-ii-1" -> code RS-8-2-a-ii-1, referenceId 8(2)(a)(ii)-1. */
  readonly id: string;
  readonly sortOrder: number;
  readonly titleEn: string;
  readonly titleKo: SeedKoreanText | null;
  readonly specs: readonly ElementSpec[];
  readonly notes?: readonly SeedAnnotation[];
}

function warCrime(d: WarCrimeDef): SeedCrime {
  const [sub, roman, variant] = d.id.split('-');
  const conflict: ArmedConflictType = sub === 'a' || sub === 'b' ? 'international' : 'non-international';
  const code = `RS-8-2-${d.id}`;
  return {
    code,
    referenceId: `8(2)(${sub})(${roman})${variant ? `-${variant}` : ''}`,
    group: 'war-crimes',
    articleRef: `RS 8(2)(${sub})(${roman})`,
    definitionRefs: [],
    titleEn: d.titleEn,
    titleKo: d.titleKo,
    sortOrder: d.sortOrder,
    armedConflict: conflict,
    elements: elements(code, d.specs),
    ...(d.notes ? { notes: d.notes } : {}),
    confidence: 'V',
  };
}

const KILLED: ElementSpec = {
  n: 1,
  kind: 'material',
  text: 'The perpetrator killed (caused the death of) one or more persons.',
  notes: [eoc(31, '"Killed" and "caused death" are interchangeable.')],
};
const SEVERE_PAIN: ElementSpec = { n: 1, kind: 'material', text: 'The perpetrator inflicted severe physical or mental pain or suffering on one or more persons.' };
const TORTURE_PURPOSE: ElementSpec = {
  n: 2,
  kind: 'mental',
  text: 'The perpetrator inflicted the pain or suffering for a purpose such as obtaining information or a confession, punishment, intimidation or coercion, or for any reason based on discrimination of any kind.',
};
const OUTRAGE_SPECS: readonly ElementSpec[] = [
  {
    n: 1,
    kind: 'material',
    text: 'The perpetrator humiliated or degraded one or more persons, or otherwise violated their dignity.',
  },
  {
    n: 2,
    kind: 'material',
    text: 'The humiliation, degradation or other violation was severe enough to be generally recognized as an outrage upon personal dignity.',
  },
];
const OUTRAGE_NOTE = (fn: number): SeedAnnotation =>
  eoc(fn, 'The victims can include dead persons; the victim need not personally be aware of the humiliation; the victim\'s cultural background is taken into account.');
const CHILDREN_UNDER_15 = (armedBody: string): ElementSpec[] => [
  {
    n: 1,
    kind: 'material',
    text: `The perpetrator conscripted or enlisted one or more persons into ${armedBody}, or used one or more persons to participate actively in hostilities.`,
  },
  { n: 2, kind: 'material', text: 'The person or persons were under 15 years of age.' },
  { n: 3, kind: 'mental', text: 'The perpetrator knew, or should have known, that the person or persons were under 15.' },
];

const warCrimes: SeedCrime[] = [
  // 8(2)(a): grave breaches of the 1949 Geneva Conventions (international armed conflict)
  warCrime({
    id: 'a-i',
    sortOrder: 1,
    titleEn: 'Wilful killing',
    titleKo: ko('고의적 살해'),
    specs: [KILLED, ...graveBreachStatus(2), ...warContext(4, 'international')],
  }),
  warCrime({
    id: 'a-ii-1',
    sortOrder: 2,
    titleEn: 'Torture',
    titleKo: ko('고문'),
    specs: [SEVERE_PAIN, TORTURE_PURPOSE, ...graveBreachStatus(3), ...warContext(5, 'international')],
    notes: [eoc(35, 'Because every victim must be a protected person, these elements have no custody-or-control requirement (contrast torture as a crime against humanity).')],
  }),
  warCrime({
    id: 'a-ii-2',
    sortOrder: 3,
    titleEn: 'Inhuman treatment',
    titleKo: ko('비인도적 대우'),
    specs: [SEVERE_PAIN, ...graveBreachStatus(2), ...warContext(4, 'international')],
  }),
  warCrime({
    id: 'a-vi',
    sortOrder: 4,
    titleEn: 'Denying a fair trial',
    titleKo: ko('공정한 재판의 박탈'),
    specs: [
      {
        n: 1,
        kind: 'material',
        text: 'The perpetrator deprived one or more persons of a fair and regular trial by denying them judicial guarantees, in particular those set out in the Third and Fourth Geneva Conventions of 1949.',
      },
      ...graveBreachStatus(2),
      ...warContext(4, 'international'),
    ],
  }),
  warCrime({
    id: 'a-vii-1',
    sortOrder: 5,
    titleEn: 'Unlawful deportation and transfer',
    titleKo: ko('불법 추방 및 이송'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator deported or transferred one or more persons to another State or another location.' },
      ...graveBreachStatus(2),
      ...warContext(4, 'international'),
    ],
  }),
  warCrime({
    id: 'a-vii-2',
    sortOrder: 6,
    titleEn: 'Unlawful confinement',
    titleKo: ko('불법 감금'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator confined, or kept confined, one or more persons in a certain location.' },
      ...graveBreachStatus(2),
      ...warContext(4, 'international'),
    ],
  }),
  // 8(2)(b): other serious violations in international armed conflict
  warCrime({
    id: 'b-i',
    sortOrder: 7,
    titleEn: 'Attacking civilians',
    titleKo: ko('민간인 공격'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator directed an attack.' },
      { n: 2, kind: 'material', text: 'The object of the attack was a civilian population as such, or individual civilians not taking direct part in hostilities.' },
      { n: 3, kind: 'mental', text: 'The perpetrator intended that civilian population, or those civilians, to be the object of the attack.' },
      ...warContext(4, 'international'),
    ],
  }),
  warCrime({
    id: 'b-ii',
    sortOrder: 8,
    titleEn: 'Attacking civilian objects',
    titleKo: ko('민간 대상물 공격'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator directed an attack.' },
      { n: 2, kind: 'material', text: 'The object of the attack was civilian objects, i.e. objects that are not military objectives.' },
      { n: 3, kind: 'mental', text: 'The perpetrator intended those civilian objects to be the object of the attack.' },
      ...warContext(4, 'international'),
    ],
    notes: [note('seed author', 'legal-reference.md §3 lists this crime but gives no element count; the count (5) was read by the seed author from the same EOC transcription (robertocarroll/icc-beta@b262bd3).', 'V')],
  }),
  warCrime({
    id: 'b-iv',
    sortOrder: 9,
    titleEn: 'Excessive incidental death, injury or damage',
    titleKo: ko('과도한 부수적 사망·상해·피해'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator launched an attack.' },
      {
        n: 2,
        kind: 'material',
        text: 'The attack would cause incidental death or injury to civilians, damage to civilian objects, or widespread, long-term and severe damage to the natural environment, to an extent clearly excessive in relation to the concrete and direct overall military advantage anticipated.',
        notes: [eoc(36, 'The anticipated military advantage is the one foreseeable by the perpetrator at the time; it need not be tied in time or place to the object of the attack. The crime does not justify any other violation of the law of armed conflict and does not address jus ad bellum.')],
      },
      {
        n: 3,
        kind: 'mental',
        text: 'The perpetrator knew that the attack would cause such incidental harm and that it would be clearly excessive in relation to the anticipated military advantage.',
        notes: [eoc(37, 'Exceptionally, this knowledge element requires the perpetrator to have made the value judgement himself or herself, assessed on the information available at the time.')],
      },
      ...warContext(4, 'international'),
    ],
    notes: [note('seed author', 'legal-reference.md §3 lists this crime but gives no element count; the count (5) was read by the seed author from the same EOC transcription (robertocarroll/icc-beta@b262bd3).', 'V')],
  }),
  warCrime({
    id: 'b-vi',
    sortOrder: 10,
    titleEn: 'Killing or wounding a person hors de combat',
    titleKo: ko('전투능력을 상실한 사람의 살해 또는 부상'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator killed or injured one or more persons.' },
      { n: 2, kind: 'material', text: 'The person or persons were hors de combat.' },
      { n: 3, kind: 'mental', text: 'The perpetrator was aware of the factual circumstances that established this status.' },
      ...warContext(4, 'international'),
    ],
  }),
  warCrime({
    id: 'b-xii',
    sortOrder: 11,
    titleEn: 'Denying quarter',
    titleKo: null,
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator declared or ordered that there would be no survivors.' },
      { n: 2, kind: 'mental', text: 'The declaration or order was given to threaten an adversary, or to conduct hostilities on the basis that there would be no survivors.' },
      { n: 3, kind: 'material', text: 'The perpetrator was in a position of effective command or control over the subordinate forces to which the declaration or order was addressed.' },
      ...warContext(4, 'international'),
    ],
    notes: [note('seed author', 'No Korean title: we could not confirm an established Korean rendering of "denying quarter".', 'U')],
  }),
  warCrime({
    id: 'b-xvi',
    sortOrder: 12,
    titleEn: 'Pillaging',
    titleKo: ko('약탈'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator appropriated certain property.' },
      {
        n: 2,
        kind: 'mental',
        text: 'The perpetrator intended to deprive the owner of the property and to appropriate it for private or personal use.',
        notes: [eoc(47, 'Because the use must be private or personal, appropriations justified by military necessity cannot be pillaging.')],
      },
      { n: 3, kind: 'material', text: 'The appropriation was made without the owner\'s consent.' },
      ...warContext(4, 'international'),
    ],
  }),
  warCrime({
    id: 'b-xxi',
    sortOrder: 13,
    titleEn: 'Outrages upon personal dignity',
    titleKo: ko('개인의 존엄에 대한 침해'),
    specs: [{ ...OUTRAGE_SPECS[0], notes: [OUTRAGE_NOTE(49)] }, OUTRAGE_SPECS[1], ...warContext(3, 'international')],
  }),
  warCrime({
    id: 'b-xxv',
    sortOrder: 14,
    titleEn: 'Starvation as a method of warfare',
    titleKo: ko('전투수단으로서 민간인의 기아 이용'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator deprived civilians of objects indispensable to their survival.' },
      { n: 2, kind: 'mental', text: 'The perpetrator intended to starve civilians as a method of warfare.' },
      ...warContext(3, 'international'),
    ],
    notes: [
      note('seed author', 'legal-reference.md §3 lists this crime but gives no element count; the count (4) was read by the seed author from the same EOC transcription (robertocarroll/icc-beta@b262bd3).', 'V'),
      note('legal-reference.md §0, §3', 'The non-international counterpart, art. 8(2)(e)(xix), was added in 2019 (ICC-ASP/18/Res.5) and is NOT part of this version.', 'S'),
    ],
  }),
  warCrime({
    id: 'b-xxvi',
    sortOrder: 15,
    titleEn: 'Using, conscripting or enlisting children',
    titleKo: ko('15세 미만 아동의 징집·모병 또는 적대행위 참여에의 이용'),
    specs: [...CHILDREN_UNDER_15('the national armed forces'), ...warContext(4, 'international')],
  }),
  // 8(2)(c): serious violations of common article 3 (armed conflict not of an international character)
  warCrime({
    id: 'c-i-1',
    sortOrder: 16,
    titleEn: 'Murder',
    titleKo: ko('살인'),
    specs: [KILLED, ...commonArticle3Status(2), ...warContext(4, 'non-international')],
  }),
  warCrime({
    id: 'c-i-4',
    sortOrder: 17,
    titleEn: 'Torture',
    titleKo: ko('고문'),
    specs: [SEVERE_PAIN, TORTURE_PURPOSE, ...commonArticle3Status(3), ...warContext(5, 'non-international')],
  }),
  warCrime({
    id: 'c-ii',
    sortOrder: 18,
    titleEn: 'Outrages upon personal dignity',
    titleKo: ko('개인의 존엄에 대한 침해'),
    specs: [{ ...OUTRAGE_SPECS[0], notes: [OUTRAGE_NOTE(57)] }, OUTRAGE_SPECS[1], ...commonArticle3Status(3), ...warContext(5, 'non-international')],
  }),
  warCrime({
    id: 'c-iv',
    sortOrder: 19,
    titleEn: 'Sentencing or execution without due process',
    titleKo: ko('적법절차 없는 형의 선고 또는 집행'),
    specs: [
      { n: 1, kind: 'material', text: 'The perpetrator passed sentence on, or executed, one or more persons.' },
      ...commonArticle3Status(2),
      {
        n: 4,
        kind: 'material',
        text: 'There was no prior judgement by a court; or the court was not "regularly constituted" because it lacked the essential guarantees of independence and impartiality; or the court did not afford all other judicial guarantees generally recognized as indispensable under international law.',
        notes: [eoc(59, 'For elements 4 and 5 the Court should consider whether, in all the circumstances, the cumulative effect of the missing guarantees deprived the persons of a fair trial.')],
      },
      {
        n: 5,
        kind: 'mental',
        text: 'The perpetrator was aware that there was no prior judgement or that the relevant guarantees were denied, and that those guarantees are essential or indispensable to a fair trial.',
      },
      ...warContext(6, 'non-international'),
    ],
  }),
  // 8(2)(e): other serious violations in armed conflict not of an international character
  warCrime({
    id: 'e-vii',
    sortOrder: 20,
    titleEn: 'Using, conscripting or enlisting children',
    titleKo: ko('15세 미만 아동의 징집·모병 또는 적대행위 참여에의 이용'),
    specs: [...CHILDREN_UNDER_15('an armed force or group'), ...warContext(4, 'non-international')],
  }),
];

// ---------------------------------------------------------------------------------------------
// Modes of liability: arts 25(3) and 28 [V: RS arts 25, 28; legal-reference.md §4]
// Requirement numbering is our own decomposition of the statutory text (the EOC does not
// enumerate elements for modes of liability).
// ---------------------------------------------------------------------------------------------

const ART30_MENTAL = (statuteRef: string): RequirementSpec => ({
  n: 2,
  kind: 'mental',
  text: 'The person acted with the mental element that the crime itself requires (by default intent and knowledge under art. 30, unless the crime provides otherwise).',
  statuteRef: `${statuteRef}; RS 30; EOC General Introduction paras 2, 8`,
});

const NOT_SEEDED_CASE_LAW = (test: string): SeedAnnotation =>
  note('seed author', `The ICC's case-law test for this mode (${test}) is not in legal-reference.md and is deliberately not seeded as requirements; verify before adding.`, 'U');

const modesOfLiability: SeedModeOfLiability[] = [
  {
    code: 'RS-25-3-a-direct',
    referenceId: 'ML-25-3-a-direct',
    group: 'liability',
    articleRef: 'RS 25(3)(a)',
    titleEn: 'Direct perpetration (commission as an individual)',
    titleKo: ko('직접정범'),
    sortOrder: 1,
    appliesTo: 'all',
    requirements: requirements('RS-25-3-a-direct', [
      { n: 1, kind: 'material', text: 'The person committed the crime individually, i.e. personally carried out the conduct described in its material elements.', statuteRef: 'RS 25(3)(a)' },
      ART30_MENTAL('RS 25(3)(a)'),
    ]),
    confidence: 'V',
  },
  {
    code: 'RS-25-3-a-joint',
    referenceId: 'ML-25-3-a-joint',
    group: 'liability',
    articleRef: 'RS 25(3)(a)',
    titleEn: 'Co-perpetration (commission jointly with another person)',
    titleKo: ko('공동정범'),
    sortOrder: 2,
    appliesTo: 'all',
    requirements: requirements('RS-25-3-a-joint', [
      { n: 1, kind: 'material', text: 'The person committed the crime jointly with one or more other persons.', statuteRef: 'RS 25(3)(a)' },
      ART30_MENTAL('RS 25(3)(a)'),
    ]),
    notes: [NOT_SEEDED_CASE_LAW('common plan, essential contribution, shared awareness')],
    confidence: 'V',
  },
  {
    code: 'RS-25-3-a-indirect',
    referenceId: 'ML-25-3-a-indirect',
    group: 'liability',
    articleRef: 'RS 25(3)(a)',
    titleEn: 'Indirect perpetration (commission through another person)',
    titleKo: ko('간접정범'),
    sortOrder: 3,
    appliesTo: 'all',
    requirements: requirements('RS-25-3-a-indirect', [
      {
        n: 1,
        kind: 'material',
        text: 'The person committed the crime through another person, whether or not that other person is criminally responsible.',
        statuteRef: 'RS 25(3)(a)',
      },
      ART30_MENTAL('RS 25(3)(a)'),
    ]),
    notes: [NOT_SEEDED_CASE_LAW('control over the crime, e.g. through an organised apparatus of power')],
    confidence: 'V',
  },
  {
    code: 'RS-25-3-b',
    referenceId: 'ML-25-3-b',
    group: 'liability',
    articleRef: 'RS 25(3)(b)',
    titleEn: 'Ordering, soliciting or inducing',
    titleKo: ko('명령·권유·유인'),
    sortOrder: 4,
    appliesTo: 'all',
    requirements: requirements('RS-25-3-b', [
      { n: 1, kind: 'material', text: 'The person ordered, solicited or induced the commission of the crime.', statuteRef: 'RS 25(3)(b)' },
      { n: 2, kind: 'material', text: 'The crime was in fact committed or attempted.', statuteRef: 'RS 25(3)(b)' },
    ]),
    notes: [NOT_SEEDED_CASE_LAW('mental element of the person who orders, solicits or induces')],
    confidence: 'V',
  },
  {
    code: 'RS-25-3-c',
    referenceId: 'ML-25-3-c',
    group: 'liability',
    articleRef: 'RS 25(3)(c)',
    titleEn: 'Aiding, abetting or otherwise assisting',
    titleKo: ko('방조 및 그 밖의 조력'),
    sortOrder: 5,
    appliesTo: 'all',
    requirements: requirements('RS-25-3-c', [
      {
        n: 1,
        kind: 'material',
        text: 'The person aided, abetted or otherwise assisted in the commission or attempted commission of the crime, including by providing the means for it.',
        statuteRef: 'RS 25(3)(c)',
      },
      { n: 2, kind: 'material', text: 'The crime was committed or attempted.', statuteRef: 'RS 25(3)(c)' },
      { n: 3, kind: 'mental', text: 'The person acted for the purpose of facilitating the commission of the crime.', statuteRef: 'RS 25(3)(c)' },
    ]),
    notes: [note('legal-reference.md §5.3', 'The COI chair warned China that forced repatriation and information-sharing could amount to aiding and abetting crimes against humanity.', 'S')],
    confidence: 'V',
  },
  {
    code: 'RS-25-3-d',
    referenceId: 'ML-25-3-d',
    group: 'liability',
    articleRef: 'RS 25(3)(d)',
    titleEn: 'Contribution to a crime by a group acting with a common purpose',
    titleKo: ko('공동목적 집단의 범죄에 대한 기여'),
    sortOrder: 6,
    appliesTo: 'all',
    requirements: requirements('RS-25-3-d', [
      { n: 1, kind: 'material', text: 'A crime was committed or attempted by a group of persons acting with a common purpose.', statuteRef: 'RS 25(3)(d)' },
      { n: 2, kind: 'material', text: 'The person contributed in any other way to the commission or attempted commission of that crime.', statuteRef: 'RS 25(3)(d)' },
      { n: 3, kind: 'mental', text: 'The contribution was intentional.', statuteRef: 'RS 25(3)(d)' },
      {
        n: 4,
        kind: 'mental',
        text: 'The contribution was made in one of the following ways:',
        statuteRef: 'RS 25(3)(d)(i)-(ii)',
        alternatives: [
          { letter: 'a', text: '(i) with the aim of furthering the criminal activity or criminal purpose of the group, where that activity or purpose involves a crime within the jurisdiction of the Court; or' },
          { letter: 'b', text: '(ii) in the knowledge of the intention of the group to commit the crime.' },
        ],
      },
    ]),
    notes: [note('seed author', 'Alternatives a/b of requirement 4 correspond to the statute\'s romanettes (i)/(ii).', 'V')],
    confidence: 'V',
  },
  {
    code: 'RS-25-3-e',
    referenceId: 'ML-25-3-e',
    group: 'liability',
    articleRef: 'RS 25(3)(e)',
    titleEn: 'Direct and public incitement to commit genocide',
    titleKo: ko('집단살해의 직접적·공개적 선동'),
    sortOrder: 7,
    appliesTo: ['genocide'],
    requirements: requirements('RS-25-3-e', [
      { n: 1, kind: 'material', text: 'In respect of genocide, the person directly and publicly incited others to commit genocide.', statuteRef: 'RS 25(3)(e)' },
    ]),
    notes: [
      note('seed author', 'Unlike 25(3)(b)-(d), the statutory text does not require that genocide was in fact committed or attempted (our reading of the text).', 'U'),
      NOT_SEEDED_CASE_LAW('mental element of incitement'),
    ],
    confidence: 'V',
  },
  {
    code: 'RS-25-3-f',
    referenceId: 'ML-25-3-f',
    group: 'liability',
    articleRef: 'RS 25(3)(f)',
    titleEn: 'Attempt',
    titleKo: ko('미수'),
    sortOrder: 8,
    appliesTo: 'all',
    requirements: requirements('RS-25-3-f', [
      { n: 1, kind: 'material', text: 'The person took action that commenced the execution of the crime by means of a substantial step.', statuteRef: 'RS 25(3)(f)' },
      { n: 2, kind: 'material', text: 'The crime did not occur because of circumstances independent of the person\'s intentions.', statuteRef: 'RS 25(3)(f)' },
    ]),
    notes: [
      note('RS 25(3)(f)', 'A person who abandons the effort or otherwise prevents completion is not punishable for the attempt if he or she completely and voluntarily gave up the criminal purpose.'),
    ],
    confidence: 'V',
  },
  {
    code: 'RS-28-a',
    referenceId: 'ML-28-a',
    group: 'liability',
    articleRef: 'RS 28(a)',
    titleEn: 'Responsibility of military commanders',
    titleKo: ko('군 지휘관의 책임'),
    sortOrder: 9,
    appliesTo: 'all',
    requirements: requirements('RS-28-a', [
      { n: 1, kind: 'material', text: 'The person was a military commander, or a person effectively acting as a military commander.', statuteRef: 'RS 28(a)' },
      {
        n: 2,
        kind: 'material',
        text: 'Forces under the person\'s effective command and control, or effective authority and control (as the case may be), committed crimes within the jurisdiction of the Court.',
        statuteRef: 'RS 28(a)',
      },
      { n: 3, kind: 'material', text: 'The crimes resulted from the person\'s failure to exercise control properly over those forces.', statuteRef: 'RS 28(a)' },
      {
        n: 4,
        kind: 'mental',
        text: 'The person knew or, owing to the circumstances at the time, should have known that the forces were committing or about to commit such crimes.',
        statuteRef: 'RS 28(a)(i)',
      },
      {
        n: 5,
        kind: 'material',
        text: 'The person failed to take all necessary and reasonable measures within his or her power to prevent or repress their commission, or to submit the matter to the competent authorities for investigation and prosecution.',
        statuteRef: 'RS 28(a)(ii)',
      },
    ]),
    notes: [note('legal-reference.md §4', 'Cite as 28(a)(i) / 28(a)(ii); article 28 has lettered paragraphs, never "28(1)".', 'S')],
    confidence: 'V',
  },
  {
    code: 'RS-28-b',
    referenceId: 'ML-28-b',
    group: 'liability',
    articleRef: 'RS 28(b)',
    titleEn: 'Responsibility of other (non-military) superiors',
    titleKo: ko('그 밖의 상급자의 책임'),
    sortOrder: 10,
    appliesTo: 'all',
    requirements: requirements('RS-28-b', [
      {
        n: 1,
        kind: 'material',
        text: 'The person was a superior in a superior-subordinate relationship not covered by 28(a) (e.g. a civilian, party, security-ministry or camp-administration superior).',
        statuteRef: 'RS 28(b)',
      },
      { n: 2, kind: 'material', text: 'Subordinates under the person\'s effective authority and control committed crimes within the jurisdiction of the Court.', statuteRef: 'RS 28(b)' },
      { n: 3, kind: 'material', text: 'The crimes resulted from the person\'s failure to exercise control properly over those subordinates.', statuteRef: 'RS 28(b)' },
      {
        n: 4,
        kind: 'mental',
        text: 'The person knew, or consciously disregarded information that clearly indicated, that the subordinates were committing or about to commit such crimes.',
        statuteRef: 'RS 28(b)(i)',
      },
      { n: 5, kind: 'material', text: 'The crimes concerned activities within the person\'s effective responsibility and control.', statuteRef: 'RS 28(b)(ii)' },
      {
        n: 6,
        kind: 'material',
        text: 'The person failed to take all necessary and reasonable measures within his or her power to prevent or repress their commission, or to submit the matter to the competent authorities for investigation and prosecution.',
        statuteRef: 'RS 28(b)(iii)',
      },
    ]),
    notes: [note('legal-reference.md §4', 'Cite as 28(b)(i)-(iii); article 28 has lettered paragraphs, never "28(1)".', 'S')],
    confidence: 'V',
  },
];

// ---------------------------------------------------------------------------------------------
// The framework
// ---------------------------------------------------------------------------------------------

const GROUP_CODES: Record<CrimeGroupKey, string> = {
  genocide: 'RS-ART6',
  'crimes-against-humanity': 'RS-ART7',
  'war-crimes': 'RS-ART8',
};

export const ROME_STATUTE_FRAMEWORK: SeedFramework = {
  code: 'rome-statute',
  version: '2011-icc-ed',
  titleEn: 'Rome Statute of the International Criminal Court, with the Elements of Crimes (ICC 2011 edition)',
  titleKo: ko('국제형사재판소에 관한 로마규정 및 범죄구성요건 (ICC 2011년판)', 'U'),
  description:
    'Crimes against humanity (art. 7, every underlying act), genocide (art. 6), selected war crimes (art. 8) and modes of liability (arts 25(3) and 28), element by element, paraphrased in our own words. Reflects the ICC 2011 publication: Elements of Crimes as adopted in 2002 plus the 2010 Kampala amendments.',
  instrumentVersions: { statute: 'RS@2011-ICC-ed', elements: 'EOC@2011-ICC-ed' },
  sources: [
    {
      key: 'EOC',
      title: 'ICC Elements of Crimes (ICC-PIDS-LT-03-002/11_Eng)',
      instrumentVersion: 'EOC@2011-ICC-ed',
      location: 'github.com/robertocarroll/icc-beta @ b262bd377d111b0428368320b437dc5fb4e91779, elements-of-crimes.html (HTML transcription)',
    },
    {
      key: 'RS',
      title: 'Rome Statute of the International Criminal Court (ICC 2011 publication, incl. Kampala amendments)',
      instrumentVersion: 'RS@2011-ICC-ed',
      location: 'github.com/robertocarroll/icc-beta @ b262bd377d111b0428368320b437dc5fb4e91779, rome-statute.html',
    },
  ],
  caveats: [
    note('legal-reference.md §0', 'Later amendments to article 8 are not included: the 2017 weapons amendments (ICC-ASP/16/Res.4) and the 2019 addition of starvation in non-international armed conflict as art. 8(2)(e)(xix) (ICC-ASP/18/Res.5). They belong in a later framework version.', 'S'),
    note('legal-reference.md §0', 'Articles 6 and 7 and their Elements appear untouched by those amendments; confirm against the current ICC consolidated text.', 'U'),
    note('legal-reference.md §3', 'Article 8 is a short list chosen for DPRK-related contexts (e.g. DPRK troops deployed to Russia), not the complete catalogue of war crimes.', 'V'),
    note('seed author', 'Korean titles are not given by legal-reference.md; the three category titles were seen in secondary sources (S), all other Korean renderings are ours (U) and should be checked against the official Korean treaty text before display as authoritative.', 'U'),
  ],
  groups: [
    { key: 'genocide', code: GROUP_CODES.genocide, articleRef: 'RS art. 6', titleEn: 'Genocide', titleKo: ko('집단살해죄', 'S'), sortOrder: 1 },
    {
      key: 'crimes-against-humanity',
      code: GROUP_CODES['crimes-against-humanity'],
      articleRef: 'RS art. 7',
      titleEn: 'Crimes against humanity',
      titleKo: ko('인도에 반한 죄', 'S'),
      sortOrder: 2,
    },
    { key: 'war-crimes', code: GROUP_CODES['war-crimes'], articleRef: 'RS art. 8', titleEn: 'War crimes', titleKo: ko('전쟁범죄', 'S'), sortOrder: 3 },
    { key: 'liability', code: 'RS-LIABILITY', articleRef: 'RS arts 25(3), 28', titleEn: 'Modes of liability', titleKo: ko('형사책임의 형태'), sortOrder: 4 },
  ],
  sharedRequirements: [
    // Art. 7 chapeau [V: RS 7(1), 7(2)(a); EOC art. 7 intro + fn 6]
    {
      code: CAH_CTX_1,
      referenceIds: ['CTX-1', 'CAH-CTX-ATTACK'],
      group: 'crimes-against-humanity',
      kind: 'contextual',
      text: 'The conduct was committed as part of a widespread or systematic attack directed against any civilian population (the second-to-last element of every crime against humanity).',
      sourceRef: 'RS 7(1); EOC art. 7 intro para 2',
      confidence: 'V',
    },
    {
      code: CAH_CTX_2,
      referenceIds: ['CTX-2', 'CAH-CTX-KNOWLEDGE'],
      group: 'crimes-against-humanity',
      kind: 'contextual',
      text: 'The perpetrator knew the conduct was part of such an attack, or intended it to be (the last element of every crime against humanity).',
      sourceRef: 'RS 7(1); EOC art. 7 intro para 2',
      notes: [
        note('EOC art. 7 intro para 2', 'Knowledge of every characteristic of the attack, or of the precise details of the State or organizational plan or policy, is not required. Where the attack is only emerging, intending to further it is enough.'),
      ],
      confidence: 'V',
    },
    {
      code: 'RS-7-CTX-DEF-ATTACK',
      referenceIds: ['CAH-CTX-DEF-ATTACK'],
      group: 'crimes-against-humanity',
      kind: 'contextual',
      text: 'The "attack" is a course of conduct involving the multiple commission of art. 7(1) acts against a civilian population; it need not be a military attack.',
      sourceRef: 'RS 7(2)(a); EOC art. 7 intro para 3',
      refines: CAH_CTX_1,
      confidence: 'V',
    },
    {
      code: 'RS-7-CTX-POLICY',
      referenceIds: ['CAH-CTX-POLICY', 'CAH-CTX-POLICY-OMISSION'],
      group: 'crimes-against-humanity',
      kind: 'contextual',
      text: 'The course of conduct was pursuant to or in furtherance of a State or organizational policy to commit such an attack; the State or organization must actively promote or encourage the attack.',
      sourceRef: 'RS 7(2)(a); EOC art. 7 intro para 3',
      refines: CAH_CTX_1,
      notes: [
        eoc(6, 'Such a policy is normally carried out by State or organizational action. Exceptionally it may be carried out by a deliberate failure to act that is consciously aimed at encouraging the attack; but a policy cannot be inferred solely from the absence of governmental or organizational action.'),
      ],
      confidence: 'V',
    },
    // Art. 6 recurring elements [V: EOC art. 6]
    {
      code: GEN_GROUP,
      referenceIds: ['GEN-GROUP'],
      group: 'genocide',
      kind: 'material',
      text: 'The victims belonged to a particular national, ethnical, racial or religious group.',
      sourceRef: 'RS 6; EOC art. 6, element 2 of each act',
      notes: [note('legal-reference.md §2', 'Political groups and songbun classes are NOT protected groups under art. 6; religious groups (e.g. Christians) are.')],
      confidence: 'V',
    },
    {
      code: GEN_INTENT,
      referenceIds: ['GEN-INTENT'],
      group: 'genocide',
      kind: 'mental',
      text: 'The perpetrator intended to destroy that group, in whole or in part, as such (specific intent, dolus specialis).',
      sourceRef: 'RS 6; EOC art. 6, element 3 of each act',
      confidence: 'V',
    },
    {
      code: GEN_CTX,
      referenceIds: ['GEN-CTX'],
      group: 'genocide',
      kind: 'contextual',
      text: 'The conduct took place in the context of a manifest pattern of similar conduct directed against that group, or could itself effect such destruction.',
      sourceRef: 'EOC art. 6 intro; last element of each act',
      notes: [
        note('EOC art. 6 intro', '"In the context of" covers the initial acts of an emerging pattern; "manifest" is an objective qualification; whether any mental element attaches to this circumstance is for the Court to decide case by case.'),
      ],
      confidence: 'V',
    },
    // Art. 8 recurring elements [V: EOC art. 8 intro + each crime]
    {
      code: WC_CTX_1_IAC,
      referenceIds: ['WC-CTX-1'],
      group: 'war-crimes',
      kind: 'contextual',
      text: 'The conduct took place in the context of, and was associated with, an international armed conflict.',
      sourceRef: 'EOC art. 8, second-to-last element of each 8(2)(a)/(b) crime',
      notes: [eoc(34, 'An international armed conflict includes military occupation.')],
      confidence: 'V',
    },
    {
      code: WC_CTX_1_NIAC,
      referenceIds: ['WC-CTX-1'],
      group: 'war-crimes',
      kind: 'contextual',
      text: 'The conduct took place in the context of, and was associated with, an armed conflict not of an international character.',
      sourceRef: 'EOC art. 8, second-to-last element of each 8(2)(c)/(e) crime',
      notes: [note('EOC art. 8 intro', 'Crimes under 8(2)(c) and (e) are subject to the limits of 8(2)(d) and (f), which are not elements.')],
      confidence: 'V',
    },
    {
      code: WC_CTX_2,
      referenceIds: ['WC-CTX-2'],
      group: 'war-crimes',
      kind: 'contextual',
      text: 'The perpetrator was aware of the factual circumstances that established the existence of an armed conflict.',
      sourceRef: 'EOC art. 8 intro; last element of each crime',
      notes: [
        note('EOC art. 8 intro', 'No legal evaluation of whether an armed conflict exists, or whether it is international or not, is required, nor awareness of the facts that make it international or non-international.'),
      ],
      confidence: 'V',
    },
    {
      code: WC_GB_PROTECTED,
      referenceIds: ['WC-GB-PROTECTED'],
      group: 'war-crimes',
      kind: 'material',
      text: 'Grave breaches: the victims (or property) were protected under one or more of the 1949 Geneva Conventions.',
      sourceRef: 'EOC art. 8(2)(a)',
      confidence: 'V',
    },
    {
      code: WC_GB_AWARE,
      referenceIds: ['WC-GB-AWARE'],
      group: 'war-crimes',
      kind: 'mental',
      text: 'Grave breaches: the perpetrator was aware of the factual circumstances that established that protected status.',
      sourceRef: 'EOC art. 8(2)(a)',
      notes: [
        eoc(32, 'This mental element reflects the interplay between arts 30 and 32 (mistake of fact / law).'),
        eoc(33, 'As to nationality, the perpetrator only needs to know that the victim belonged to an adverse party to the conflict.'),
      ],
      confidence: 'V',
    },
  ],
  crimes: [...genocideCrimes, ...cahCrimes, ...warCrimes],
  modesOfLiability,
  glossary,
  guidanceNotes: [
    {
      code: 'RS-NOTE-EOC-GI-MENTAL',
      title: 'Default mental element',
      text: 'Unless an element says otherwise, the material elements must be committed with intent and knowledge (art. 30). Where an element mentions no mental element, the art. 30 standard applies.',
      sourceRef: 'EOC General Introduction para 2; RS 30',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-EOC-GI-INFERENCE',
      title: 'Inferring intent and knowledge',
      text: 'Intent and knowledge can be inferred from the relevant facts and circumstances.',
      sourceRef: 'EOC General Introduction para 3',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-EOC-GI-VALUE',
      title: 'Value judgements',
      text: 'For elements involving value judgements (e.g. "inhumane", "severe"), the perpetrator need not personally have made that judgement, unless stated otherwise (see 8(2)(b)(iv)).',
      sourceRef: 'EOC General Introduction para 4',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-EOC-GI-PARTICIPANTS',
      title: 'Elements apply to all forms of participation',
      text: 'The elements, including their mental elements, apply with the necessary changes to everyone whose responsibility may arise under arts 25 and 28.',
      sourceRef: 'EOC General Introduction para 8',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-EOC-GI-CUMULATIVE',
      title: 'One conduct, several crimes',
      text: 'A single conduct may constitute more than one crime; tag evidence to every crime it supports.',
      sourceRef: 'EOC General Introduction para 9',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-ART30',
      title: 'Art. 30: intent and knowledge',
      text: 'Intent: as to conduct, the person means to engage in it; as to a consequence, the person means to cause it or is aware it will occur in the ordinary course of events. Knowledge: awareness that a circumstance exists or that a consequence will occur in the ordinary course of events.',
      sourceRef: 'RS 30',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-ART27',
      title: 'Art. 27: official capacity irrelevant',
      text: 'Official capacity (e.g. Head of State or government, official) does not exempt a person from responsibility or reduce the sentence; immunities do not bar the Court\'s jurisdiction.',
      sourceRef: 'RS 27',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-ART33',
      title: 'Art. 33: superior orders',
      text: 'Superior orders are not a defence unless the person had a legal duty to obey, did not know the order was unlawful, and the order was not manifestly unlawful. Orders to commit genocide or crimes against humanity are always manifestly unlawful.',
      sourceRef: 'RS 33',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-ART29',
      title: 'Art. 29: no statute of limitations',
      text: 'Crimes within the jurisdiction of the Court are not subject to any statute of limitations.',
      sourceRef: 'RS 29',
      confidence: 'V',
    },
    {
      code: 'RS-NOTE-ART26',
      title: 'Art. 26: persons under 18',
      text: 'The Court has no jurisdiction over a person who was under 18 at the time of the alleged crime.',
      sourceRef: 'RS 26',
      confidence: 'V',
    },
  ],
};
