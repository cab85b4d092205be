import { Client } from 'pg';

/**
 * Fills a database with `size` incoming documents spread over five years, as a ministry's
 * registers look after years of use: Vietnamese subjects and issuers combined from word lists,
 * nearly everything old done, the last two months' work open, a few late stragglers; lead,
 * support and information parts for units, some passed on to an officer; extracted text (when
 * the text table exists) for the documents that have a text layer, 70 % of them.
 *
 * Fast because it is set-based SQL (generate_series, hashint4 for repeatable "randomness"), and
 * because the indexes are dropped first and built once at the end, as a bulk load should be.
 */

const ISSUERS = [
  'Văn phòng Chính phủ', 'Bộ Tài chính', 'Bộ Nội vụ', 'Bộ Xây dựng', 'Bộ Y tế', 'Bộ Giáo dục và Đào tạo', 'Bộ Công Thương',
  'Bộ Kế hoạch và Đầu tư', 'Bộ Tư pháp', 'Bộ Thông tin và Truyền thông', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Giao thông vận tải',
  'Bộ Tài nguyên và Môi trường', 'Bộ Lao động - Thương binh và Xã hội', 'Bộ Khoa học và Công nghệ', 'Bộ Văn hóa, Thể thao và Du lịch',
  'Thanh tra Chính phủ', 'Ngân hàng Nhà nước Việt Nam', 'Kiểm toán Nhà nước', 'UBND Tỉnh Nghệ An', 'UBND Tỉnh Cao Bằng', 'UBND Thành phố Hà Nội',
  'UBND Thành phố Hồ Chí Minh', 'UBND Thành phố Đà Nẵng', 'UBND Tỉnh Thanh Hóa', 'UBND Tỉnh Quảng Ninh', 'UBND Tỉnh Đắk Lắk', 'UBND Tỉnh Cà Mau',
  'UBND Tỉnh Lào Cai', 'UBND Tỉnh Bình Dương', 'Sở Tài chính Hà Nội', 'Sở Nội vụ Nghệ An', 'Tổng cục Thống kê', 'Bảo hiểm xã hội Việt Nam',
];
const ISSUER_CODES = ['VPCP', 'BTC', 'BNV', 'BXD', 'BYT', 'BGDĐT', 'BCT', 'BKHĐT', 'BTP', 'BTTTT', 'BNNPTNT', 'BGTVT', 'BTNMT', 'BLĐTBXH', 'BKHCN', 'BVHTTDL', 'TTCP', 'NHNN', 'KTNN', 'UBND', 'UBND', 'UBND', 'UBND', 'UBND', 'UBND', 'UBND', 'UBND', 'UBND', 'UBND', 'UBND', 'STC', 'SNV', 'TCTK', 'BHXH'];
const ACTIONS = [
  'triển khai', 'báo cáo tình hình', 'góp ý dự thảo', 'hướng dẫn thực hiện', 'tăng cường', 'đẩy mạnh', 'rà soát', 'tổng kết', 'kiểm tra việc thực hiện',
  'đề nghị phối hợp', 'cung cấp thông tin về', 'tổ chức hội nghị về', 'chấn chỉnh', 'thực hiện chế độ báo cáo về', 'phê duyệt kế hoạch',
];
const TOPICS = [
  'công tác phòng, chống thiên tai', 'chuyển đổi số', 'cải cách hành chính', 'dự toán ngân sách nhà nước', 'thi đua, khen thưởng', 'phòng, chống tham nhũng',
  'quản lý đầu tư công', 'xây dựng chính quyền điện tử', 'an toàn thông tin mạng', 'bảo hiểm xã hội, bảo hiểm y tế', 'giải ngân vốn đầu tư',
  'phòng cháy, chữa cháy', 'tuyển dụng công chức', 'đào tạo, bồi dưỡng cán bộ', 'văn bản quy phạm pháp luật', 'thực hành tiết kiệm, chống lãng phí',
  'tiếp công dân và giải quyết khiếu nại, tố cáo', 'bảo vệ môi trường', 'an toàn thực phẩm', 'quản lý tài sản công', 'cấp phép xây dựng',
  'dịch vụ công trực tuyến', 'lưu trữ hồ sơ, tài liệu', 'sắp xếp đơn vị hành chính', 'y tế cơ sở', 'giáo dục nghề nghiệp',
];
const SCOPES = ['năm 2025', 'quý III', '6 tháng đầu năm', 'trên địa bàn tỉnh', 'tại các đơn vị trực thuộc', 'giai đoạn 2021-2025', 'năm 2026', 'trong toàn ngành', 'theo Nghị quyết của Chính phủ', ''];
const TYPES: [string, string][] = [
  ['official_letter', ''], ['official_letter', ''], ['official_letter', ''], ['official_letter', ''], ['decision', 'QĐ'], ['decision', 'QĐ'],
  ['plan', 'KH'], ['report', 'BC'], ['notice', 'TB'], ['guidance', 'HD'], ['invitation', 'GM'], ['directive', 'CT'], ['submission', 'TTr'], ['programme', 'CTr'],
];
const SIGNERS = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Quang Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Minh Hải', 'Bùi Thị Hạnh'];

/** Column text of a deterministic choice from a list: `pick(list, salt)`. */
const pick = (parameter: string, salt: number) => `(${parameter})[(1 + abs(hashint4(n + ${salt} * 1000003)::bigint) % cardinality(${parameter}))::int]`;

export interface SeedOptions {
  size: number;
  mainFileId: string;
  clerkId: string;
  leaderId: string;
  officerId: string;
  registerId: string;
  confidentialRegisterId: string;
  unitIds: string[];
  officerUnitId: string;
  textFraction: number;
}

export async function seedIncoming(databaseUrl: string, options: SeedOptions, log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const step = async (label: string, sql: string, parameters: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, parameters);
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s${result.rowCount ? ` (${result.rowCount} rows)` : ''}`);
  };
  try {
    await client.query(`SET maintenance_work_mem = '1GB'; SET synchronous_commit = off; SET session_replication_role = replica; SET max_parallel_maintenance_workers = 2`);
    const tables = ['incoming_document', 'assignment', 'incoming_document_text'];
    const indexes: { indexname: string; indexdef: string }[] = (
      await client.query(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
          WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [tables],
      )
    ).rows;
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
    const hasText = (await client.query(`SELECT to_regclass('incoming_document_text') IS NOT NULL AS exists`)).rows[0].exists as boolean;

    // n = 1 is the oldest, n = size arrived a few minutes ago; age in days drives the state
    await step(
      'documents',
      `WITH base AS (
         SELECT n, now() - ((($1::int - n)::float8 / $1::int) * 5 * 365 + 0.002) * interval '1 day' AS arrived_at,
                (($1::int - n)::float8 / $1::int) * 5 * 365 AS age,
                abs(hashint4(n + 1 * 1000003)::bigint) % 100 < 3 AS secret,
                (abs(hashint4(n + 2 * 1000003)::bigint) % 1000)::int AS dice,
                (1 + abs(hashint4(n + 3 * 1000003)::bigint) % ${ISSUERS.length})::int AS issuer,
                (1 + abs(hashint4(n + 4 * 1000003)::bigint) % ${TYPES.length})::int AS type
           FROM generate_series(1, $1::int) n),
       shaped AS (
         SELECT base.*,
                CASE WHEN n > $1::int - 200 AND dice % 5 = 0 THEN 'received'
                     WHEN age < 2 THEN (ARRAY['registered', 'submitted', 'assigned', 'in_progress'])[1 + dice % 4]
                     WHEN age < 60 THEN CASE WHEN dice < 650 THEN (ARRAY['assigned', 'in_progress'])[1 + dice % 2] ELSE 'done' END
                     WHEN dice < 5 THEN 'in_progress'
                     ELSE 'done' END AS state,
                extract(year FROM arrived_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year
           FROM base)
       INSERT INTO incoming_document (register_id, arrival_year, arrival_number, arrived_at, received_via, issuer_name, code_number, code_notation,
                                      promulgated_on, document_type, subject, signer_name, signer_position, urgency, confidentiality, page_count,
                                      due_on, state, main_file_id, has_text_layer, submitted_to_id, registered_at, registered_by_id, version)
       SELECT CASE WHEN secret THEN $3::uuid ELSE $2::uuid END,
              CASE WHEN state = 'received' THEN NULL ELSE year END,
              CASE WHEN state = 'received' THEN NULL ELSE row_number() OVER (PARTITION BY secret, year, state = 'received' ORDER BY n) END,
              arrived_at,
              (ARRAY['paper', 'axis', 'axis', 'email', 'upload'])[1 + dice % 5],
              ($4::text[])[issuer],
              (1 + abs(hashint4(n + 5 * 1000003)::bigint) % 3000)::text,
              CASE WHEN ($5::text[])[type] = '' THEN ($6::text[])[issuer] || '-VP' ELSE ($5::text[])[type] || '-' || ($6::text[])[issuer] END,
              (arrived_at - (1 + dice % 6) * interval '1 day')::date,
              ($7::text[])[type],
              ${pick('$8::text[]', 9)} || ' ' || ${pick('$9::text[]', 10)} || ' ' || ${pick('$10::text[]', 11)} || ' ' || ${pick('$11::text[]', 12)},
              ${pick('$12::text[]', 13)}, (ARRAY['Bộ trưởng', 'Thứ trưởng', 'Chủ tịch', 'Phó Chủ tịch', 'Chánh Văn phòng'])[1 + dice % 5],
              CASE WHEN dice < 900 THEN 'normal' WHEN dice < 960 THEN 'urgent' WHEN dice < 990 THEN 'very_urgent' ELSE 'express' END,
              CASE WHEN secret THEN 'confidential' ELSE 'normal' END,
              1 + dice % 12,
              CASE WHEN state IN ('assigned', 'in_progress', 'done') AND dice % 10 < 8 THEN (arrived_at + (3 + dice % 20) * interval '1 day')::date END,
              state, $13::uuid, CASE WHEN state = 'received' THEN NULL ELSE dice % 10 < 7 END,
              CASE WHEN state <> 'received' AND state <> 'registered' THEN $14::uuid END,
              CASE WHEN state <> 'received' THEN arrived_at + interval '20 minutes' END,
              CASE WHEN state <> 'received' THEN $15::uuid END,
              1
         FROM shaped`,
      [
        options.size, options.registerId, options.confidentialRegisterId, ISSUERS, TYPES.map((type) => type[1]), ISSUER_CODES,
        TYPES.map((type) => type[0]), ['Về việc', 'V/v', 'Về việc', 'Về'], ACTIONS, TOPICS, SCOPES, SIGNERS, options.mainFileId, options.leaderId, options.clerkId,
      ],
    );
    // one lead unit for every directed document; half with a supporting unit, a fifth informing one
    await step(
      'assignments',
      `WITH directed AS (
         SELECT id, state, arrived_at, due_on, (abs(hashint4(hashtext(id::text))::bigint) % 1000000)::int AS dice
           FROM incoming_document WHERE state IN ('assigned', 'in_progress', 'done'))
       INSERT INTO assignment (id, document_id, role, unit_id, user_id, assigned_by_id, assigned_at, directive, due_on, state, parent_id, completed_at, version)
       SELECT CASE WHEN part.role = 'lead' THEN md5(directed.id::text || 'lead')::uuid ELSE gen_random_uuid() END,
              directed.id, part.role, ($1::uuid[])[1 + (dice + part.shift) % cardinality($1::uuid[])], NULL, $2::uuid,
              directed.arrived_at + interval '3 hours', 'Giao đơn vị chủ trì xử lý, báo cáo kết quả.', directed.due_on,
              CASE WHEN directed.state = 'done' THEN 'done' WHEN (dice / 7) % 2 = 0 THEN 'pending' ELSE 'in_progress' END,
              NULL, CASE WHEN directed.state = 'done' THEN directed.arrived_at + interval '5 days' END, 1
         FROM directed
         CROSS JOIN LATERAL (VALUES ('lead', 0, true), ('support', 1 + (dice / 11) % 5, (dice / 13) % 2 = 0), ('inform', 6, (dice / 17) % 5 = 0)) AS part(role, shift, wanted)
        WHERE part.wanted`,
      [options.unitIds, options.leaderId],
    );
    // the head of the officer's unit passes half of its lead parts on to the officer
    await step(
      'parts passed on to an officer',
      `INSERT INTO assignment (document_id, role, unit_id, user_id, assigned_by_id, assigned_at, directive, due_on, state, parent_id, completed_at, version)
       SELECT document_id, 'lead', NULL, $2::uuid, $3::uuid, assigned_at + interval '1 hour', directive, due_on, state, id, completed_at, 1
         FROM assignment WHERE role = 'lead' AND unit_id = $1::uuid AND abs(hashint4(hashtext(id::text))::bigint) % 2 = 0`,
      [options.officerUnitId, options.officerId, options.leaderId],
    );
    if (hasText) {
      // with triggers on: the search migration computes the text's vector in them, whatever it puts there
      await client.query('SET session_replication_role = origin');
      await step(
        'text rows (extracted text for those with a text layer)',
        `INSERT INTO incoming_document_text (document_id, source, content, truncated, extracted_at)
         SELECT id, CASE WHEN has_text_layer THEN 'pdf' END,
                CASE WHEN has_text_layer AND abs(hashint4(hashtext(id::text))::bigint) % 1000 < $1::int THEN
                'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ' || subject || '. Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; '
                || 'căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; xét đề nghị của ' || issuer_name || ', '
                || 'đề nghị các cơ quan, đơn vị khẩn trương ' || subject || ', tổng hợp kết quả, báo cáo trước ngày ' || to_char(arrived_at + interval '15 days', 'DD/MM/YYYY')
                || '. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Văn phòng để tổng hợp, báo cáo lãnh đạo xem xét, giải quyết. Nơi nhận: như trên; lưu VT.'
                END,
                false, CASE WHEN has_text_layer IS NOT NULL THEN arrived_at + interval '1 hour' END
           FROM incoming_document
         ON CONFLICT (document_id) DO NOTHING`,
        [Math.round(options.textFraction * 1000)],
      );
    }
    for (const index of indexes) await step(`index ${index.indexname}`, index.indexdef);
    await client.query('SET session_replication_role = origin');
    // VACUUM too: sets the hint bits and the visibility map a bulk load leaves unset, as autovacuum would in time
    await step('vacuum analyze', 'VACUUM (ANALYZE) incoming_document, assignment' + (hasText ? ', incoming_document_text' : ''));
  } finally {
    await client.end();
  }
}
