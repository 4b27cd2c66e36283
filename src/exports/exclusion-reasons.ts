import type { ErrorLanguage } from 'src/common/errors/localise';

/**
 * Why something is left out of an export, as a person reads it (English and Korean). The reason
 * code stays as it is (programs match on it); the text is for the case lead and the recipient.
 */
export const EXCLUSION_REASON_TEXT: Record<string, { en: string; ko: string }> = {
  invalid_request: { en: 'The request could not be checked against the consent', ko: '요청을 동의 내용과 대조할 수 없습니다' },
  invalid_consent_record: { en: 'The consent record is incomplete or inconsistent', ko: '동의 기록이 불완전하거나 서로 맞지 않습니다' },
  unknown_purpose: { en: 'The purpose is not one the consent form knows', ko: '동의서에 없는 목적입니다' },
  unknown_recipient_kind: { en: 'The kind of recipient is not one the consent form knows', ko: '동의서에 없는 수신처 유형입니다' },
  no_consent_in_force: { en: 'No consent is recorded for this testimony', ko: '이 증언에 기록된 동의가 없습니다' },
  ambiguous_consent_history: { en: 'The consent history is ambiguous; a case lead must clarify it', ko: '동의 이력이 모호합니다. 사건 책임자가 확인해야 합니다' },
  consent_not_yet_in_force: { en: 'The consent is not yet in force', ko: '동의가 아직 효력을 갖지 않습니다' },
  consent_withdrawn: { en: 'The witness withdrew consent', ko: '증언자가 동의를 철회했습니다' },
  recipient_not_covered_by_purpose: { en: 'This recipient is not covered by the purpose', ko: '이 수신처는 해당 목적에 포함되지 않습니다' },
  purpose_not_granted: { en: 'The witness did not consent to this purpose', ko: '증언자가 이 목적에 동의하지 않았습니다' },
  death_penalty_jurisdiction: { en: 'The witness refused proceedings that can impose the death penalty, and this recipient can', ko: '증언자가 사형을 선고할 수 있는 절차를 거부했고, 이 수신처는 그런 절차를 진행할 수 있습니다' },
  death_penalty_jurisdiction_unknown: { en: 'The witness refused proceedings that can impose the death penalty, and it is unknown whether this recipient can', ko: '증언자가 사형을 선고할 수 있는 절차를 거부했고, 이 수신처가 그런 절차를 진행할 수 있는지 알 수 없습니다' },
  no_approved_redaction: { en: 'No approved redaction of the latest version for this profile', ko: '이 프로필로 최신 판을 가린 승인된 편집본이 없습니다' },
  source_testimony_excluded: { en: 'It comes from a testimony that is left out', ko: '제외된 증언에서 나온 자료입니다' },
  recording_identifies_witness: { en: 'A recording or document of the interview would identify the witness', ko: '면담 녹음이나 문서가 증언자의 신원을 드러냅니다' },
  source_item_excluded: { en: 'It is a working copy of an item that is left out', ko: '제외된 자료의 작업용 사본입니다' },
  all_sources_excluded: { en: 'Every testimony it rests on is left out', ko: '근거가 되는 증언이 모두 제외되었습니다' },
  passage_transcript_not_exported: { en: 'The transcript text this passage points into is not in the package', ko: '이 구절이 가리키는 녹취록 본문이 꾸러미에 포함되지 않습니다' },
  redaction_proposed: { en: 'The new version\'s redaction awaits review', ko: '새 판의 편집본이 검토를 기다리고 있습니다' },
  redaction_returned: { en: 'The new version\'s redaction was sent back by a reviewer', ko: '새 판의 편집본을 검토자가 돌려보냈습니다' },
  redaction_stale: { en: 'The new version\'s redaction is stale and must run again', ko: '새 판의 편집본이 오래되어 다시 실행해야 합니다' },
  redaction_not_run: { en: 'The new version has not been redacted yet', ko: '새 판이 아직 편집(가림 처리)되지 않았습니다' },
  not_referred: { en: 'No included material refers to this person', ko: '포함된 자료 중 이 사람을 가리키는 것이 없습니다' },
  narrative_from_excluded_source: { en: 'Goes out without its narrative: some of its sources are left out', ko: '근거 중 일부가 제외되어 서술 없이 포함됩니다' },
};

/** The readable reason in the caller's language; an unknown code is returned as it is. */
export function exclusionReasonText(reason: string, language: ErrorLanguage): string {
  return EXCLUSION_REASON_TEXT[reason]?.[language] ?? reason;
}
