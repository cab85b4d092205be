import type { TestApp } from './test-app';

/** Registering incoming documents over HTTP and waiting for their background preparation. Test support only. */
export interface IncomingKit {
  registers: Record<string, string>;
  upload(bytes: Buffer, name: string, token?: string): Promise<string>;
  /** Uploads the main file and registers it; answers the new document. */
  register(file: Buffer, fileName: string, metadata?: Record<string, unknown>, token?: string): Promise<{ id: string; arrivalNumber: number; version: number }>;
  /** Polls the document until has_text_layer is set (the preparation job finished), up to timeoutMs. */
  waitPrepared(id: string, token?: string, timeoutMs?: number): Promise<Record<string, any>>;
}

export async function incomingKit(system: TestApp, clerk: string): Promise<IncomingKit> {
  const list = (await system.http().get('/api/document-registers?direction=incoming').set('Authorization', `Bearer ${clerk}`).expect(200)).body;
  const registers: Record<string, string> = Object.fromEntries(list.map((register: { code: string; id: string }) => [register.code, register.id]));
  const upload = async (bytes: Buffer, name: string, token = clerk) =>
    (await system.http().post('/api/files').set('Authorization', `Bearer ${token}`).attach('file', bytes, name).expect(201)).body.id as string;
  return {
    registers,
    upload,
    async register(file, fileName, metadata = {}, token = clerk) {
      const response = await system
        .http()
        .post('/api/incoming-documents')
        .set('Authorization', `Bearer ${token}`)
        .send({
          registerId: registers.DEN,
          receivedVia: 'paper',
          issuerName: 'Văn phòng Chính phủ',
          codeNumber: '7816',
          codeNotation: 'VPCP-TTĐT',
          promulgatedOn: '2026-11-20',
          documentType: 'official_letter',
          subject: 'Về việc triển khai gửi, nhận văn bản điện tử',
          urgency: 'normal',
          confidentiality: 'normal',
          ...metadata,
          mainFileId: await upload(file, fileName, token),
        });
      if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.document;
    },
    async waitPrepared(id, token = clerk, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (let pause = 50; ; pause = Math.min(pause * 2, 500)) {
        const document = (await system.http().get(`/api/incoming-documents/${id}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
        if (document.hasTextLayer !== null) return document;
        if (Date.now() > deadline) throw new Error(`document ${id} was not prepared within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    },
  };
}
