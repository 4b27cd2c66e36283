/**
 * Messaging handles. A handle is recognised after a service label on the same line:
 * WeChat/微信/위챗/weixin, KakaoTalk/카카오톡/카톡, QQ, Telegram/텔레그램, LINE/라인, Signal,
 * Skype, WhatsApp, Facebook/페이스북, Instagram (`line`/`라인` in any case other than `LINE` needs an id word). Between label and handle there may be an id word
 * (ID, 아이디, 계정, 号, number, account, username, handle) and a colon or "is"/은/는.
 * Because `I talked to him on WeChat yesterday` must not redact "yesterday", the handle is accepted
 * only when a colon/"=" or an id word is present, or the handle itself contains a digit, `_` or `.`.
 * After a label the value is not checked for validity (`QQ river341`, a QQ handle with letters). Also, anywhere: WeChat internal ids `wxid_…` and `@handles`
 * (not e-mail addresses).
 */
import { PatternDetector } from 'src/redaction/engine/patterns/shared';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

/** Service names: lower case only for wechat/weixin/kakao (often typed so); the others capitalised or upper case. */
const SERVICES: ReadonlyArray<readonly [string, string]> = [
  ['handle.wechat', '[Ww]e ?[Cc]hat|WE ?CHAT|[Ww]eixin|WEIXIN|微信|위챗|웨이신'],
  ['handle.kakaotalk', '[Kk]akao ?[Tt]alk|KAKAO ?TALK|[Kk]akao|KAKAO|카카오톡|카카오|카톡'],
  ['handle.qq', 'QQ|qq'],
  ['handle.telegram', 'Telegram|TELEGRAM|텔레그램'],
  ['handle.line', 'LINE|Line|라인'],
  ['handle.other', 'Signal|SIGNAL|Skype|SKYPE|Whats ?[Aa]pp|WHATSAPP|Facebook|FACEBOOK|페이스북|Instagram|INSTAGRAM|인스타그램|Twitter|TWITTER|트위터'],
];

const ID_WORD = '(?:ID|Id|id|I\\.D\\.|아이디|계정|号码|号|號|번호|[Nn]umber|[Nn]o\\.?|[Aa]ccount|[Uu]ser ?[Nn]ame|[Hh]andle|닉네임)';
const HANDLE_RE = new RegExp(
  `(?<![A-Za-z])(${SERVICES.map(([, alt]) => alt).join('|')})(?![A-Za-z])(\\s*${ID_WORD})?(\\s*(?:[:：=]|is|was|은|는|:)\\s*|\\s+|(?=[A-Za-z0-9@]))(@?[A-Za-z0-9][A-Za-z0-9_.\\-]{2,31})(?![A-Za-z0-9_@])`,
  'dg',
);

const SERVICE_RES = SERVICES.map(([rule, alt]) => [rule, new RegExp(`^(?:${alt})$`)] as const);

const STOPWORDS = new Set([
  'and', 'the', 'but', 'for', 'with', 'was', 'were', 'not', 'too', 'also', 'then', 'that', 'this', 'they', 'him', 'her',
  'his', 'she', 'you', 'yesterday', 'today', 'regularly', 'often', 'again', 'group', 'groups', 'call', 'calls', 'message',
  'messages', 'account', 'app', 'chat', 'chats', 'only', 'every', 'from', 'there', 'here', 'when', 'while', 'since', 'until',
]);

const WXID = /(?<![A-Za-z0-9_])wxid_[a-z0-9]{6,}(?![A-Za-z0-9_])/gi;
const AT_HANDLE = /(?<![\w.@])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\w@]|\.\w)/g;

export const handleDetector: PatternDetector = {
  category: 'handle',
  rules: [...SERVICES.map(([rule]) => rule), 'handle.wxid', 'handle.at'],
  detect(text: string, out: DetectedSpan[]): void {
    const from = out.length;
    HANDLE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HANDLE_RE.exec(text)) !== null) {
      const service = m[1];
      const idWord = m[2];
      const glue = m[3];
      const handle = m[4].replace(/[.-]+$/, '');
      const rule = SERVICE_RES.find(([, re]) => re.test(service))?.[0] ?? 'handle.other';
      const explicit = Boolean(idWord) || /[:：=]/.test(glue);
      const bare = handle.replace(/^@/, '');
      if (bare.length < 3) continue;
      // QQ numbers are 5–12 digits, but after the QQ label any handle counts (`QQ river341`): a
      // validity check may gate detection without a label, never with one.
      if (rule === 'handle.line' && service !== 'LINE' && !idWord) continue;
      if (STOPWORDS.has(bare.toLowerCase())) continue;
      if (!explicit && !/[\d_.]/.test(bare)) continue;
      if (glue.includes('\n')) continue;
      const start = m.indices?.[4]?.[0] ?? m.index + m[0].length - m[4].length;
      const end = start + handle.length;
      out.push(makeSpan(start, end, 'handle', rule));
      HANDLE_RE.lastIndex = end;
    }
    const labelled = new Set<number>();
    for (let i = from; i < out.length; i++) labelled.add(out[i].start);
    WXID.lastIndex = 0;
    while ((m = WXID.exec(text)) !== null) if (!labelled.has(m.index)) out.push(makeSpan(m.index, m.index + m[0].length, 'handle', 'handle.wxid'));
    AT_HANDLE.lastIndex = 0;
    while ((m = AT_HANDLE.exec(text)) !== null) if (!labelled.has(m.index)) out.push(makeSpan(m.index, m.index + m[0].length, 'handle', 'handle.at'));
  },
};
