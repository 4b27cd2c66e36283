import { MigrationInterface, QueryRunner } from 'typeorm';

/** Korean labels and descriptions for the seeded violation types (our own wording). */
const KOREAN: Record<string, [string, string]> = {
  arbitrary_detention: ['자의적 구금', '법적 근거나 적법 절차 없이 사람의 자유를 빼앗는 것.'],
  enforced_disappearance: ['강제실종', '국가가 사람을 구금하거나 데려간 뒤 그 생사와 행방을 숨기는 것.'],
  torture: ['고문', '구금되거나 통제 아래 있는 사람에게 조사 중 등에 고의로 심한 신체적·정신적 고통을 가하는 것.'],
  inhumane_treatment: ['잔혹하거나 비인도적이거나 굴욕적인 대우', '고문에 이르지 않더라도 인간의 존엄을 해치는 대우.'],
  execution: ['처형 또는 살해', '공개처형과 비사법적 살해를 포함한 생명의 박탈.'],
  death_in_custody: ['구금 중 사망', '구금 시설에서 학대, 방치, 굶주림 등으로 사람이 숨지는 것.'],
  forced_labour: ['강제노동', '처벌의 위협 아래 강요되는 노동. 정치범수용소와 노동단련대의 노동을 포함한다.'],
  starvation: ['기아 및 식량 박탈', '식량을 고의로 빼앗거나 식량에 대한 접근을 차별적으로 막는 것.'],
  sexual_violence: ['성폭력', '강간, 성적 학대와 그 밖의 성폭력.'],
  forced_abortion_infanticide: ['강제낙태 또는 영아살해', '강제송환된 여성 등에게 강요된 낙태와 신생아 살해.'],
  forced_repatriation: ['강제송환', '중국 등 제3국에서 북한으로 사람을 강제로 돌려보내는 것.'],
  denial_of_movement: ['이동의 자유 침해', '국내 이동과 출국을 막거나 처벌하는 것.'],
  forcible_transfer: ['강제이주 또는 추방', '합법적으로 살던 곳에서 사람을 강제로 옮기거나 내쫓는 것.'],
  religious_persecution: ['종교 박해', '신앙과 종교 활동을 이유로 처벌하고 박해하는 것.'],
  suppression_of_expression: ['사상과 표현의 억압', '사상, 표현, 정보 접근의 자유를 억누르는 것.'],
  political_persecution: ['정치적 박해', '정치적 이유로 기본권을 심각하게 빼앗는 것.'],
  discrimination: ['차별', '성분, 성별, 장애 등을 이유로 한 차별.'],
  guilt_by_association: ['연좌제 처벌', '가족 구성원의 행위를 이유로 친척을 처벌하는 것.'],
  abduction_foreign_nationals: ['외국인 납치', '다른 나라 국민을 납치하거나 억류하는 것.'],
  other: ['기타 침해', '위의 어느 유형에도 들지 않는 침해.'],
};

export class ViolationTypesKorean1795379500100 implements MigrationInterface {
  name = 'ViolationTypesKorean1795379500100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "violation_types" ADD "label_ko" text`);
    await queryRunner.query(`ALTER TABLE "violation_types" ADD "description_ko" text`);
    for (const [code, [label, description]] of Object.entries(KOREAN)) {
      await queryRunner.query(`UPDATE "violation_types" SET "label_ko" = $2, "description_ko" = $3 WHERE "code" = $1`, [code, label, description]);
    }
    // Any type without a Korean wording yet keeps its English one rather than showing nothing.
    await queryRunner.query(`UPDATE "violation_types" SET "label_ko" = "label", "description_ko" = "description" WHERE "label_ko" IS NULL`);
    await queryRunner.query(`ALTER TABLE "violation_types" ALTER COLUMN "label_ko" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "violation_types" ALTER COLUMN "description_ko" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "violation_types" DROP COLUMN "description_ko"`);
    await queryRunner.query(`ALTER TABLE "violation_types" DROP COLUMN "label_ko"`);
  }
}
