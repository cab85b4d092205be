import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the working lists of incoming documents, their badge counts, the leaders' workload
 * per unit and the register export, checked with EXPLAIN ANALYZE on a million documents
 * (test/bench/incoming.bench.ts). Written by hand: partial and expression indexes, which the
 * entities declare with `synchronize: false` so that a generated migration leaves them alone.
 *
 * The partial indexes hold only open work (parts pending or in progress, documents assigned or in
 * progress). Open work is bounded by the people doing it, not by the years of documents behind
 * it, so "my unit", "assigned to me", the counts and the workload stay cheap as the table grows.
 * Their WHERE clauses repeat OPEN_PART_STATES / OPEN_DOCUMENT_STATES of incoming-views.ts
 * word for word: PostgreSQL uses a partial index only for a query that implies its condition.
 */
export class IncomingLists1795400000700 implements MigrationInterface {
    name = 'IncomingLists1795400000700'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // "my unit", "supporting", workload: a unit's open parts, straight to their documents; the
        // deadline comes along so that "due soon" and "overdue" never read the table
        await queryRunner.query(`
            CREATE INDEX "assignment_open_unit" ON "assignment" ("unit_id", "role", "document_id") INCLUDE ("due_on", "user_id")
            WHERE "state" IN ('pending', 'in_progress')
        `);
        // "assigned to me", "supporting": a person's open parts (with the other holder column, so that
        // the workload reads every open part from one index alone)
        await queryRunner.query(`
            CREATE INDEX "assignment_open_user" ON "assignment" ("user_id", "role", "document_id") INCLUDE ("due_on", "unit_id")
            WHERE "state" IN ('pending', 'in_progress')
        `);
        // every "is it given to me or my unit?" probe (visibility and the lists) answered from the index alone
        await queryRunner.query(`
            CREATE INDEX "assignment_by_document" ON "assignment" ("document_id") INCLUDE ("role", "state", "unit_id", "user_id", "due_on")
        `);
        // "for information": parts given to read, kept after the work is done, so not among the open ones
        await queryRunner.query(`
            CREATE INDEX "assignment_inform_unit" ON "assignment" ("unit_id", "document_id")
            WHERE "role" = 'inform' AND "state" <> 'returned'
        `);
        await queryRunner.query(`
            CREATE INDEX "assignment_inform_user" ON "assignment" ("user_id", "document_id")
            WHERE "role" = 'inform' AND "state" <> 'returned'
        `);
        // "to direct": a leader is the one submitted to for most documents, but only a few wait for him
        await queryRunner.query(`
            CREATE INDEX "incoming_document_to_direct" ON "incoming_document" ("submitted_to_id", "arrived_at")
            WHERE "state" = 'submitted'
        `);
        // the working lists page through open documents newest first and stop after a page; counts
        // and the workload check "open" and visibility from the index alone
        await queryRunner.query(`
            CREATE INDEX "incoming_document_open_arrived" ON "incoming_document" ("arrived_at", "id")
            INCLUDE ("confidentiality", "registered_by_id", "submitted_to_id", "due_on")
            WHERE "state" IN ('assigned', 'in_progress')
        `);
        // the type filter, the most used, in arrival order
        await queryRunner.query(`
            CREATE INDEX "incoming_document_type_arrived" ON "incoming_document" ("document_type", "arrived_at", "id")
        `);
        // "due soon" and "overdue" for those who follow up the whole agency: open documents by deadline
        await queryRunner.query(`
            CREATE INDEX "incoming_document_open_due" ON "incoming_document" ("due_on")
            WHERE "state" IN ('assigned', 'in_progress')
        `);
        // "to register": documents received over the axis or by upload, waiting for a number
        await queryRunner.query(`
            CREATE INDEX "incoming_document_to_register" ON "incoming_document" ("arrived_at", "id")
            WHERE "arrival_number" IS NULL
        `);
        // the sort "deadline first", keyset-paged; no deadline sorts last as 'infinity'
        await queryRunner.query(`
            CREATE INDEX "incoming_document_due_order" ON "incoming_document" ((COALESCE("due_on", 'infinity'::date)), "id")
        `);
        // one register's documents by arrival: the register filter and the register export
        await queryRunner.query(`
            CREATE INDEX "incoming_document_register_arrived" ON "incoming_document" ("register_id", "arrived_at", "id")
        `);
        // the issuer filter: part of the name, accents and case ignored (LIKE '%…%' through trigrams)
        await queryRunner.query(`
            CREATE INDEX "incoming_document_issuer_trgm" ON "incoming_document" USING gin (lower(immutable_unaccent("issuer_name")) gin_trgm_ops)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."incoming_document_issuer_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."incoming_document_register_arrived"`);
        await queryRunner.query(`DROP INDEX "public"."incoming_document_due_order"`);
        await queryRunner.query(`DROP INDEX "public"."incoming_document_to_register"`);
        await queryRunner.query(`DROP INDEX "public"."incoming_document_open_due"`);
        await queryRunner.query(`DROP INDEX "public"."incoming_document_type_arrived"`);
        await queryRunner.query(`DROP INDEX "public"."incoming_document_open_arrived"`);
        await queryRunner.query(`DROP INDEX "public"."incoming_document_to_direct"`);
        await queryRunner.query(`DROP INDEX "public"."assignment_inform_user"`);
        await queryRunner.query(`DROP INDEX "public"."assignment_inform_unit"`);
        await queryRunner.query(`DROP INDEX "public"."assignment_by_document"`);
        await queryRunner.query(`DROP INDEX "public"."assignment_open_user"`);
        await queryRunner.query(`DROP INDEX "public"."assignment_open_unit"`);
    }

}
