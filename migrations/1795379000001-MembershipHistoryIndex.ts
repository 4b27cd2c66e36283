import { MigrationInterface, QueryRunner } from "typeorm";

// Issue 11, item 10: GET /cases/:id/members/history reads membership changes from the audit log.
// A case's log holds every read of an identity and every change; this partial index keeps the
// history query to the few membership entries. Its predicate must stay the text of
// MEMBERSHIP_ACTIONS_SQL (src/cases/membership-history.ts), which the query uses.
export class MembershipHistoryIndex1795379000001 implements MigrationInterface {
    name = 'MembershipHistoryIndex1795379000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "audit_log_membership_idx" ON "audit_log" ("case_id", "seq") WHERE action IN ('case.create', 'case.member_add', 'case.member_update', 'case.member_remove', 'case.member.clearance_granted')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "audit_log_membership_idx"`);
    }
}
