import { handleDetector } from 'src/redaction/engine/patterns/handle';
import { DetectedSpan } from 'src/redaction/engine/types';

function handles(text: string): Array<[string, string]> {
  const out: DetectedSpan[] = [];
  handleDetector.detect(text, out);
  return out.map((s) => [text.slice(s.start, s.end), s.rule]);
}

describe('handleDetector', () => {
  it.each([
    ['WeChat: kimcs1975', 'kimcs1975', 'handle.wechat'],
    ['WeChat ID kimcs', 'kimcs', 'handle.wechat'],
    ['微信号：wxid_abc1234567', 'wxid_abc1234567', 'handle.wechat'],
    ['위챗 아이디는 sunhee88이다', 'sunhee88', 'handle.wechat'],
    ['카카오톡 아이디는 kcs75', 'kcs75', 'handle.kakaotalk'],
    ['KakaoTalk: river_mk', 'river_mk', 'handle.kakaotalk'],
    ['QQ号 123456789', '123456789', 'handle.qq'],
    ['QQ: 12345', '12345', 'handle.qq'],
    ['Telegram: @hope_2007', '@hope_2007', 'handle.telegram'],
    ['LINE ID: minji.k', 'minji.k', 'handle.line'],
  ])('finds %s', (text, handle, rule) => {
    expect(handles(text)).toEqual([[handle, rule]]);
  });

  it('finds WeChat internal ids and @handles anywhere', () => {
    expect(handles('send to wxid_k2j3h4g5 now')).toEqual([['wxid_k2j3h4g5', 'handle.wxid']]);
    expect(handles('ask @kim_cs about it')).toEqual([['@kim_cs', 'handle.at']]);
  });

  it('does not take ordinary words after a service name', () => {
    for (const text of [
      'I talked to my sister on WeChat yesterday.',
      'We used KakaoTalk often.',
      'QQ is popular in China',
      'the phone line was cut',
      'e-mail kim@example.org',
      'WeChat\nkimcs1975',
    ]) {
      expect(handles(text)).toEqual([]);
    }
  });
});
