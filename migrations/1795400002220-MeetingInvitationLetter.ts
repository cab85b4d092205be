import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A meeting may have its invitation issued as an outgoing document (Giấy mời, drafted from the
 * meeting and then signed, numbered and dispatched through the outgoing flow): the link to that draft.
 */
export class MeetingInvitationLetter1795400002220 implements MigrationInterface {
  name = 'MeetingInvitationLetter1795400002220';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "meeting"
        ADD "invitation_document_id" uuid,
        ADD CONSTRAINT "FK_meeting_invitation_document" FOREIGN KEY ("invitation_document_id") REFERENCES "outgoing_document"("id") ON DELETE SET NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_meeting_invitation_document", DROP COLUMN "invitation_document_id"`);
  }
}
