/**
 * Korean paraphrases of the Rome Statute mode-of-liability requirements (arts 25(3), 28), and
 * the requirements the case law adds to commission jointly / through another person. Our own
 * wording; no Korean rendering comes from a primary text, so each is tagged `U`. Applied by the
 * migration `1795380610000-LiabilityEvidence` to the built-in framework (it imports nothing).
 */
export interface ModeRequirementKo {
  readonly text: string;
  /** Korean text of each lettered alternative, by letter. */
  readonly alternatives?: Readonly<Record<string, string>>;
}

const ART30 = '범죄 자체가 요구하는 정신적 요소(달리 정함이 없으면 제30조에 따른 고의와 인식)를 갖추고 행위하였다.';
const MEASURES = '범죄의 실행을 방지하거나 억제하기 위하여, 또는 수사와 기소를 위하여 권한 있는 당국에 회부하기 위하여 자신의 권한 내에서 필요하고 합리적인 모든 조치를 취하지 않았다.';

export const MODE_REQUIREMENTS_KO: Readonly<Record<string, ModeRequirementKo>> = {
  'RS-25-3-a-direct-R1': { text: '본인이 단독으로 범죄를 실행하였다. 즉, 범죄의 물적 요소에 기술된 행위를 직접 수행하였다.' },
  'RS-25-3-a-direct-R2': { text: ART30 },
  'RS-25-3-a-joint-R1': { text: '한 명 이상의 다른 사람과 공동으로 범죄를 실행하였다.' },
  'RS-25-3-a-joint-R2': { text: ART30 },
  'RS-25-3-a-indirect-R1': { text: '다른 사람을 통하여 범죄를 실행하였다. 그 다른 사람의 형사책임 유무는 묻지 않는다.' },
  'RS-25-3-a-indirect-R2': { text: ART30 },
  'RS-25-3-b-R1': { text: '범죄의 실행을 명령하거나 권유하거나 유인하였다.' },
  'RS-25-3-b-R2': { text: '그 범죄가 실제로 실행되었거나 실행이 시도되었다.' },
  'RS-25-3-c-R1': { text: '범죄의 실행 또는 실행의 시도를 방조·교사하거나 그 밖의 방법으로 조력하였다(실행 수단의 제공을 포함).' },
  'RS-25-3-c-R2': { text: '범죄가 실행되었거나 실행이 시도되었다.' },
  'RS-25-3-c-R3': { text: '범죄의 실행을 용이하게 할 목적으로 행위하였다.' },
  'RS-25-3-d-R1': { text: '공동의 목적을 가지고 행동하는 집단이 범죄를 실행하였거나 실행을 시도하였다.' },
  'RS-25-3-d-R2': { text: '본인이 그 밖의 방법으로 그 범죄의 실행 또는 실행의 시도에 기여하였다.' },
  'RS-25-3-d-R3': { text: '그 기여는 고의적이었다.' },
  'RS-25-3-d-R4': {
    text: '그 기여는 다음 중 하나의 방식으로 이루어졌다:',
    alternatives: {
      a: '(i) 집단의 범죄활동 또는 범죄목적이 재판소 관할범죄와 관련된 경우, 그 활동이나 목적을 촉진할 목적으로; 또는',
      b: '(ii) 범죄를 실행하려는 집단의 의도를 알면서.',
    },
  },
  'RS-25-3-e-R1': { text: '집단살해와 관련하여, 타인에게 집단살해를 범하도록 직접적이고 공개적으로 선동하였다.' },
  'RS-25-3-f-R1': { text: '실질적인 단계를 통하여 범죄의 실행을 개시하는 행동을 하였다.' },
  'RS-25-3-f-R2': { text: '본인의 의사와 무관한 사정으로 범죄가 완성되지 않았다.' },
  'RS-28-a-R1': { text: '군 지휘관이었거나, 사실상 군 지휘관으로서 행동하는 사람이었다.' },
  'RS-28-a-R2': { text: '그의 실효적인 지휘와 통제, 또는 (경우에 따라) 실효적인 권위와 통제 아래 있는 군대가 재판소 관할범죄를 범하였다.' },
  'RS-28-a-R3': { text: '그 범죄는 그 군대를 적절히 통제하지 못한 결과로 발생하였다.' },
  'RS-28-a-R4': { text: '군대가 그러한 범죄를 범하고 있거나 범하려 한다는 것을 알았거나, 당시 상황으로 보아 알았어야 했다.' },
  'RS-28-a-R5': { text: MEASURES },
  'RS-28-b-R1': { text: '28(a)에 해당하지 않는 상급자-하급자 관계의 상급자였다(예: 민간, 당, 국가보위성 또는 수용소 관리의 상급자).' },
  'RS-28-b-R2': { text: '그의 실효적인 권위와 통제 아래 있는 하급자들이 재판소 관할범죄를 범하였다.' },
  'RS-28-b-R3': { text: '그 범죄는 하급자들을 적절히 통제하지 못한 결과로 발생하였다.' },
  'RS-28-b-R4': { text: '하급자들이 그러한 범죄를 범하고 있거나 범하려 한다는 것을 알았거나, 이를 명백히 나타내는 정보를 의식적으로 무시하였다.' },
  'RS-28-b-R5': { text: '그 범죄는 상급자의 실효적인 책임과 통제 범위 안에 있는 활동과 관련되었다.' },
  'RS-28-b-R6': { text: MEASURES },
};

export interface CaseLawRequirement {
  readonly modeCode: string;
  readonly n: number;
  readonly kind: 'material' | 'mental';
  readonly text: string;
  readonly textKo: string;
  readonly statuteRef: string;
}

/**
 * Requirements of the ICC's case-law tests for co-perpetration and indirect perpetration (the
 * analyst's "common plan" and "essential contribution"), added after the statutory ones. They are
 * not in legal-reference.md: tagged `U` with a note saying where they come from, to verify.
 */
export const CASE_LAW_REQUIREMENTS: readonly CaseLawRequirement[] = [
  {
    modeCode: 'RS-25-3-a-joint', n: 3, kind: 'material', statuteRef: 'RS 25(3)(a) (ICC case law)',
    text: 'There was an agreement or common plan between the person and one or more co-perpetrators which, if implemented, would result in the commission of the crime.',
    textKo: '본인과 한 명 이상의 공동정범 사이에, 실행되면 범죄에 이르게 될 합의 또는 공동계획이 있었다.',
  },
  {
    modeCode: 'RS-25-3-a-joint', n: 4, kind: 'material', statuteRef: 'RS 25(3)(a) (ICC case law)',
    text: 'The person made an essential contribution to the common plan, in a coordinated role without which the crime would not have been committed in the same way.',
    textKo: '본인은 공동계획에 본질적으로 기여하였다. 그 조율된 역할이 없었다면 범죄는 같은 방식으로 실행되지 않았을 것이다.',
  },
  {
    modeCode: 'RS-25-3-a-joint', n: 5, kind: 'mental', statuteRef: 'RS 25(3)(a), 30 (ICC case law)',
    text: 'The co-perpetrators were mutually aware that implementing the common plan would, in the ordinary course of events, result in the crime, and the person was aware of the facts that made his or her contribution essential.',
    textKo: '공동정범들은 공동계획을 실행하면 통상적인 경과로 범죄가 발생하리라는 것을 서로 인식하였고, 본인은 자신의 기여를 본질적으로 만드는 사실을 인식하였다.',
  },
  {
    modeCode: 'RS-25-3-a-indirect', n: 3, kind: 'material', statuteRef: 'RS 25(3)(a) (ICC case law)',
    text: 'The person controlled the will of those who carried out the conduct, e.g. through an organised and hierarchical apparatus of power whose members comply with orders almost automatically.',
    textKo: '본인은 행위를 실행한 사람들의 의사를 지배하였다(예: 구성원들이 명령을 거의 자동적으로 따르는 조직적·위계적 권력기구를 통하여).',
  },
];

export const CASE_LAW_NOTE = {
  text: 'Added from the ICC case law (co-perpetration: Lubanga; indirect perpetration through an organised apparatus of power: Katanga and Ngudjolo); not in legal-reference.md; verify against the judgments before relying on the wording.',
  source: 'seed author (2026 addition)',
  confidence: 'U',
} as const;
