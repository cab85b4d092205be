import { DECISION_TITLE, vietnameseTextPdf } from '../../apps/api/src/files/pdf/testing/sample-pdfs';
import { incomingKit, IncomingKit } from '../support/incoming-documents';
import { createTestApp, TestApp } from '../support/test-app';

interface Hit {
  document: { id: string; subject: string };
  foundIn: 'metadata' | 'text';
  snippet: { text: string; match: boolean }[];
  rank: number;
}

describe('Searching incoming documents (tìm kiếm văn bản đến)', () => {
  let system: TestApp;
  let clerk: string;
  let officer: string;
  let kit: IncomingKit;
  let decision: string;
  let dengue: string;

  const search = (query: Record<string, unknown>, token = clerk) => system.http().get('/api/incoming-documents/search').query(query).set('Authorization', `Bearer ${token}`);
  const found = async (q: string, token = clerk): Promise<Hit[]> => (await search({ q }, token).expect(200)).body.items;
  const highlighted = (hit: Hit) => hit.snippet.filter((part) => part.match).map((part) => part.text);

  beforeAll(async () => {
    system = await createTestApp();
    [clerk, officer] = await Promise.all([system.login('vanthu'), system.login('chuyenvien')]);
    kit = await incomingKit(system, clerk);
    // The words are only in the PDF's text: the metadata speaks of something else.
    const pdf = await vietnameseTextPdf(['BỘ Y TẾ', DECISION_TITLE, 'Điều 1. Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này.']);
    decision = (await kit.register(pdf, 'Quyết định 15.pdf')).id;
    dengue = (
      await kit.register(await vietnameseTextPdf(['Công văn gửi các Sở Y tế']), 'Công văn 15.pdf', {
        codeNumber: '15',
        codeNotation: 'QĐ-BYT',
        issuerName: 'Bộ Y tế',
        subject: 'Về việc tăng cường phòng, chống dịch sốt xuất huyết',
        signerName: 'Trần Văn Thuấn',
      })
    ).id;
    await Promise.all([kit.waitPrepared(decision), kit.waitPrepared(dengue)]);
  });
  afterAll(() => system?.close());

  it('finds words of the PDF text without accents or case, and highlights them on the accented original', async () => {
    const hits = await found('quyet dinh bo y te');
    const hit = hits.find((candidate) => candidate.document.id === decision)!;
    expect(hit).toMatchObject({ foundIn: 'text' });
    expect(hit.rank).toBeGreaterThan(0);
    expect(highlighted(hit)).toEqual(expect.arrayContaining(['Quyết định', 'Bộ Y tế']));
    expect(hit.snippet.map((part) => part.text).join('')).toContain('ban hành Quy chế làm việc');
    // the same with accents and capitals typed
    expect((await found('QUYẾT ĐỊNH Bộ Y Tế')).map((candidate) => candidate.document.id)).toContain(decision);
  });

  it('finds the metadata — subject, issuer, signer, number and notation — ranking it above a match in the text only', async () => {
    const [first] = await found('sot xuat huyet');
    expect(first).toMatchObject({ document: { id: dengue }, foundIn: 'metadata' });
    expect(highlighted(first)).toEqual(['sốt xuất huyết']);

    expect((await found('tran van thuan')).map((hit) => hit.document.id)).toEqual([dengue]);
    for (const notation of ['15/QĐ-BYT', '15/qd', 'qđ-byt']) expect((await found(notation)).map((hit) => hit.document.id)).toContain(dengue);

    // "bộ y tế" is in the dengue letter's issuer (metadata) and in the decision's text
    const ranked = await found('bo y te');
    expect(ranked.map((hit) => hit.document.id).slice(0, 2)).toEqual([dengue, decision]);
    expect(ranked[0].rank).toBeGreaterThan(ranked[1].rank);
  });

  it('finds words spread over the metadata and the text, and leaves out a word found anywhere', async () => {
    // "Quyết định" is only in the decision's text, "Văn phòng Chính phủ" only in its metadata
    expect((await found('quyet dinh van phong chinh phu')).map((hit) => hit.document.id)).toEqual([decision]);
    expect((await found('quyet dinh -chinh')).map((hit) => hit.document.id)).toEqual([]);
  });

  it('understands phrases and exclusions the way web searches do', async () => {
    expect((await found('"quy chế làm việc"')).map((hit) => hit.document.id)).toEqual([decision]);
    expect((await found('"làm việc quy chế"')).map((hit) => hit.document.id)).toEqual([]);
    expect((await found('y te -huyet')).map((hit) => hit.document.id)).toEqual([decision]);
  });

  it('shows nothing a user may not see: the condition is in the query', async () => {
    expect(await found('quyet dinh bo y te', officer)).toEqual([]);
    expect(await found('sot xuat huyet', officer)).toEqual([]);
  });

  it('pages by rank with a cursor, each document once', async () => {
    for (let index = 0; index < 3; index++) await kit.register(await vietnameseTextPdf([`Kế hoạch tiêm chủng mở rộng đợt ${index + 1}`]), `Kế hoạch ${index}.pdf`, { subject: `Kế hoạch tiêm chủng số ${index + 1}` });
    const first = (await search({ q: 'tiem chung', limit: 2 }).expect(200)).body;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await search({ q: 'tiem chung', limit: 2, cursor: first.nextCursor }).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((hit: Hit) => hit.document.id);
    expect(new Set(ids).size).toBe(3);
    const ranks = [...first.items, ...second.items].map((hit: Hit) => hit.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('finds old documents too: the month and the year are only looked at first', async () => {
    const old = await kit.register(await vietnameseTextPdf(['Báo cáo tổng kết công tác phòng chống lụt bão']), 'Báo cáo cũ.pdf', {
      subject: 'Báo cáo tổng kết phòng chống lụt bão',
      arrivedAt: new Date(Date.now() - 400 * 24 * 3600_000).toISOString(),
      promulgatedOn: '2025-01-02',
    });
    await kit.waitPrepared(old.id);
    expect((await found('lut bao')).map((hit) => hit.document.id)).toEqual([old.id]);
  });

  it('highlights a match far into a long text: the snippet reads around the first word found, not only the start', async () => {
    const long = await kit.register(await vietnameseTextPdf(['Công văn về công tác văn thư']), 'Công văn dài.pdf', { subject: 'Về việc chỉnh lý tài liệu' });
    await kit.waitPrepared(long.id);
    const filler = 'Các đơn vị thực hiện nghiêm chế độ báo cáo định kỳ theo quy định hiện hành. '.repeat(400); // 30 000 characters
    await system.query(`UPDATE incoming_document_text SET content = $2 WHERE document_id = $1`, [long.id, `${filler}Đề nghị khẩn trương khắc phục hậu quả SẠT LỞ đất do mưa lớn. ${filler}`]);
    const [hit] = await found('sat lo dat');
    expect(hit).toMatchObject({ document: { id: long.id }, foundIn: 'text' });
    expect(highlighted(hit)).toEqual(['SẠT LỞ đất']);
  });

  it('filters by register and year like the list', async () => {
    expect((await search({ q: 'sot xuat huyet', year: 2026 }).expect(200)).body.items).toHaveLength(1);
    expect((await search({ q: 'sot xuat huyet', year: 2020 }).expect(200)).body.items).toHaveLength(0);
    expect((await search({ q: 'sot xuat huyet', registerId: kit.registers['DEN-MAT'] }).expect(200)).body.items).toHaveLength(0);
  });

  it('refuses an empty, too long or wordless query with a reason, in Vietnamese and English', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'empty'],
      [{ q: '   ' }, 'empty'],
      [{ q: 'a'.repeat(201) }, 'too_long'],
      [{ q: '!!! ???' }, 'no_words'],
      [{ q: '-huyet' }, 'exclusions_only'],
    ];
    for (const [query, reason] of cases) {
      const response = await search(query).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'q', reason }] });
      expect(response.body.message).toBeTruthy();
      expect(response.body.messageEn).toBeTruthy();
    }
    expect((await search({ q: 'y te', cursor: 'not-a-cursor' }).expect(400)).body.details[0].field).toBe('cursor');
    expect((await search({ q: 'y te', limit: 500 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('records who searched for what and which documents it showed', async () => {
    await found('sot xuat huyet');
    const [entry] = await system.query(`SELECT actor_username, details FROM audit_entry WHERE action = 'incoming.search' ORDER BY sequence DESC LIMIT 1`);
    expect(entry).toMatchObject({ actor_username: 'vanthu', details: { query: 'sot xuat huyet', documentIds: [dengue] } });
  });

  it('is driven by the GIN indexes', async () => {
    await system.query('ANALYZE incoming_document; ANALYZE incoming_document_text');
    await system.query('SET enable_seqscan = off');
    try {
      const plan = (await system.query(`EXPLAIN SELECT document_id FROM incoming_document_text WHERE search_vector @@ websearch_to_tsquery('vietnamese_search', 'quy chế')`)).map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
      expect(plan).toContain('incoming_document_text_search');
      const trigramPlan = (
        await system.query(`EXPLAIN SELECT id FROM incoming_document document WHERE lower(immutable_unaccent(coalesce(document.code_number, '') || '/' || coalesce(document.code_notation, ''))) LIKE '%15/qd%'`)
      ).map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
      expect(trigramPlan).toContain('incoming_document_number_trigram');
    } finally {
      await system.query('RESET enable_seqscan');
    }
  });
});
