import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over incoming documents, written by hand (entities cannot say any of it).
 *
 * - `vietnamese_search`: the `simple` configuration (no stemming: Vietnamese words are single,
 *   space-separated syllables) with every word passed through `unaccent` first, so "quyet dinh"
 *   and "Quyết định" give the same lexemes. Because the configuration itself removes the accents,
 *   ts_headline can highlight the matched words directly on the original, accented text.
 *   (unaccent and pg_trgm, and the immutable_unaccent wrapper, came with the Identity migration.)
 * - a stored tsvector of the metadata on the document row (number and notation, subject: A;
 *   issuer: B; signer: C), small enough to keep the row hot; it tells where a document matched;
 * - the extracted text in its own table (it can be large), with the vector search runs on:
 *   the metadata's and the text's (D) together, kept up to date by triggers;
 * - a GIN index on the search vector, and a trigram index on "number/notation" for partial ones like `15/QĐ`,
 *   which the text parser splits into pieces a word search cannot put together again.
 */
export class IncomingSearch1795400000600 implements MigrationInterface {
    name = 'IncomingSearch1795400000600'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION vietnamese_search (COPY = pg_catalog.simple)`);
        // asciiword needs no unaccent; words with any other letter (all of Vietnamese) get it.
        await queryRunner.query(`
            ALTER TEXT SEARCH CONFIGURATION vietnamese_search
                ALTER MAPPING FOR word, hword, hword_part WITH public.unaccent, pg_catalog.simple
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document" ADD "search_vector" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('vietnamese_search'::regconfig,
                    coalesce("code_number", '') || ' ' || coalesce("code_notation", '') || ' ' || coalesce("code_number" || '/' || "code_notation", '')), 'A')
                || setweight(to_tsvector('vietnamese_search'::regconfig, "subject"), 'A')
                || setweight(to_tsvector('vietnamese_search'::regconfig, "issuer_name"), 'B')
                || setweight(to_tsvector('vietnamese_search'::regconfig, coalesce("signer_name", '')), 'C')
            ) STORED
        `);
        // lower() after unaccent: in a C-locale database lower() leaves Đ alone, unaccent makes it D.
        await queryRunner.query(`
            CREATE INDEX "incoming_document_number_trigram" ON "incoming_document"
                USING gin (lower(immutable_unaccent(coalesce("code_number", '') || '/' || coalesce("code_notation", ''))) gin_trgm_ops)
        `);
        // One row per document with the vector search uses: the metadata (A–C) and the file's text
        // (D) together, so that "quyết định bộ y tế" finds a decision whose issuer is Bộ Y tế and
        // whose text says "Quyết định", and "-word" leaves out a document with the word anywhere.
        // The text is null until the preparation job has read the file.
        await queryRunner.query(`
            CREATE TABLE "incoming_document_text" (
                "document_id" uuid NOT NULL,
                "source" character varying(10),
                "content" text,
                "truncated" boolean NOT NULL DEFAULT false,
                "extracted_at" TIMESTAMP WITH TIME ZONE,
                "search_vector" tsvector NOT NULL DEFAULT ''::tsvector,
                "arrived_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_incoming_document_text" PRIMARY KEY ("document_id"),
                CONSTRAINT "FK_incoming_document_text_document" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE CASCADE
            )
        `);
        // Triggers keep the vector right whoever writes (registration, the axis, an edit, the job); a
        // bulk load that turns triggers off (session_replication_role = replica) must then run
        //   INSERT INTO incoming_document_text (document_id) SELECT id FROM incoming_document
        //   ON CONFLICT (document_id) DO UPDATE SET content = incoming_document_text.content
        // with them on (arrived_at is NOT NULL so that a row written without them is refused, not wrong).
        // The text's part reads the first 300 000 characters: a tsvector holds at most 1 MB and keeps
        // no positions past 16 383 anyway; the whole text (up to the extractor's 1 000 000) stays for snippets.
        await queryRunner.query(`
            CREATE FUNCTION incoming_document_text_vector() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                metadata tsvector;
            BEGIN
                SELECT document.search_vector, document.arrived_at INTO metadata, NEW.arrived_at
                  FROM incoming_document document WHERE document.id = NEW.document_id;
                NEW.search_vector := coalesce(metadata, ''::tsvector)
                    || setweight(to_tsvector('vietnamese_search'::regconfig, left(coalesce(NEW.content, ''), 300000)), 'D');
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER incoming_document_text_vector BEFORE INSERT OR UPDATE OF content ON incoming_document_text
                FOR EACH ROW EXECUTE FUNCTION incoming_document_text_vector()
        `);
        // A new document, or changed metadata: (re)write its row, which recomputes the vector above.
        await queryRunner.query(`
            CREATE FUNCTION incoming_document_metadata_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO incoming_document_text (document_id) VALUES (NEW.id)
                    ON CONFLICT (document_id) DO UPDATE SET content = incoming_document_text.content;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER incoming_document_metadata_changed AFTER INSERT OR UPDATE OF code_number, code_notation, subject, issuer_name, signer_name, arrived_at ON incoming_document
                FOR EACH ROW EXECUTE FUNCTION incoming_document_metadata_changed()
        `);
        // Documents registered before this migration (a backfill of one short row each).
        await queryRunner.query(`INSERT INTO incoming_document_text (document_id) SELECT id FROM incoming_document`);
        await queryRunner.query(`CREATE INDEX "incoming_document_text_search" ON "incoming_document_text" USING gin ("search_vector")`);
        // The arrival time, copied here, lets a search look at the latest month or year first (a
        // BitmapAnd with the GIN index) instead of visiting every match of a common word.
        await queryRunner.query(`CREATE INDEX "incoming_document_text_arrived" ON "incoming_document_text" ("arrived_at")`);
        // The sweep that re-enqueues documents still waiting for preparation reads only these rows.
        await queryRunner.query(`
            CREATE INDEX "incoming_document_waiting_preparation" ON "incoming_document" ("registered_at")
                WHERE "has_text_layer" IS NULL AND "arrival_number" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "incoming_document_waiting_preparation"`);
        await queryRunner.query(`DROP TRIGGER incoming_document_metadata_changed ON incoming_document`);
        await queryRunner.query(`DROP FUNCTION incoming_document_metadata_changed()`);
        await queryRunner.query(`DROP TABLE "incoming_document_text"`);
        await queryRunner.query(`DROP FUNCTION incoming_document_text_vector()`);
        await queryRunner.query(`DROP INDEX "incoming_document_number_trigram"`);
        await queryRunner.query(`ALTER TABLE "incoming_document" DROP COLUMN "search_vector"`);
        await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION vietnamese_search`);
    }
}
