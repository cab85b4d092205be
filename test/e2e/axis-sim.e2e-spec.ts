import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxisClient, AxisRefusedError } from '../../apps/api/src/exchange/axis/axis-client';
import { axisFileHash, signAxisHeaders } from '../../apps/api/src/exchange/axis/axis-signing';
import { startTestAxis, TestAxis } from '../support/axis-sim';

const FIXTURES = join(__dirname, '../../../shared/fixtures/edxml');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

// the organ ids of the samples: a document from A80 to 28.22.H17, a status from H41 answering G22
const SENDER = { organId: '000.00.00.A80', name: 'UBND xã Hòa Tiến', secret: 'secret-of-A80-0123456789' };
const RECEIVER = { organId: '28.22.H17', name: 'UBND xã Hòa Sơn', secret: 'secret-of-H17-0123456789' };
const G22 = { organId: '000.00.00.G22', name: 'Văn phòng Chính phủ', secret: 'secret-of-G22-0123456789' };
const H41 = { organId: '000.00.00.H41', name: 'UBND Tỉnh Nghệ An', secret: 'secret-of-H41-0123456789' };

describe('axis-sim: the stand-in for the national document exchange axis', () => {
  let axis: TestAxis;
  const client = (agency: { organId: string; secret: string }, now?: () => Date) =>
    new AxisClient({ endpoint: axis.url, credentials: { systemId: agency.organId, secret: agency.secret }, timeoutMs: 5000, now });

  beforeEach(async () => {
    axis = await startTestAxis([SENDER, RECEIVER, G22, H41]);
  });
  afterEach(async () => {
    await axis.close();
  });

  it('delivers a document to its receiver, who takes it and says so; the sender sees it received; all of it survives a restart', async () => {
    const message = fixture('edoc_new_small.edxml');
    const senderDocId = await client(SENDER).send(message, 'edoc', SENDER.organId);
    expect(senderDocId).toMatch(/^[0-9a-f-]{36}$/);

    await axis.restart();

    const waiting = await client(RECEIVER).received('edoc');
    expect(waiting).toEqual([expect.objectContaining({ from: SENDER.organId, to: RECEIVER.organId, messageType: 'edoc', status: 'initial' })]);
    expect(await client(G22).received('edoc')).toEqual([]);
    const bytes = await client(RECEIVER).fetch(waiting[0].docId);
    expect(axisFileHash(bytes)).toBe(axisFileHash(message));

    // another agency cannot read or acknowledge it
    await expect(client(G22).fetch(waiting[0].docId)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
    await expect(client(G22).updateStatus(waiting[0].docId, 'done')).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });

    await client(RECEIVER).updateStatus(waiting[0].docId, 'done');
    expect(await client(RECEIVER).received('edoc')).toEqual([]);
    await axis.restart();
    expect(await client(RECEIVER).received('edoc')).toEqual([]);
    const sent = await client(SENDER).sent('edoc');
    expect(sent).toEqual([expect.objectContaining({ senderDocId, receiverDocId: waiting[0].docId, fromCode: SENDER.organId, toCode: RECEIVER.organId, receiveStatus: 'done' })]);
    expect(sent[0].receivedTime).not.toBeNull();
  });

  it('routes a status message to the organ it answers', async () => {
    await client(H41).send(fixture('status_01_arrived.edxml'), 'status', H41.organId);
    const statuses = await client(G22).received('status');
    expect(statuses).toEqual([expect.objectContaining({ from: H41.organId, messageType: 'status' })]);
    expect(await client(G22).received('edoc')).toEqual([]);
  });

  it('lists the agencies it knows (the organ directory)', async () => {
    const agencies = await client(SENDER).agencies();
    expect(agencies.map((agency) => agency.code).sort()).toEqual([G22.organId, H41.organId, SENDER.organId, RECEIVER.organId].sort());
    expect(agencies.find((agency) => agency.code === G22.organId)).toMatchObject({ name: G22.name });
    expect(JSON.stringify(agencies)).not.toContain('secret');
  });

  it('refuses a message sent in another agency’s name, one whose hash does not match, and one that is not edXML', async () => {
    await expect(client(G22).send(fixture('edoc_new_small.edxml'), 'edoc', G22.organId)).rejects.toMatchObject({ errorCode: 'NOT_SENDER' });
    await expect(client(G22).send(fixture('edoc_new_small.edxml'), 'edoc', SENDER.organId)).rejects.toMatchObject({ errorCode: 'NOT_SENDER' });
    await expect(client(SENDER).send(Buffer.from('<html>not edxml</html>'), 'edoc', SENDER.organId)).rejects.toMatchObject({ errorCode: 'BAD_MESSAGE' });
    await expect(client(SENDER).send(fixture('malformed_edoc_duplicate_from.edxml'), 'edoc', SENDER.organId)).rejects.toBeInstanceOf(AxisRefusedError);

    const message = fixture('edoc_new_small.edxml');
    const headers = signAxisHeaders({ systemId: SENDER.organId, secret: SENDER.secret }, { from: SENDER.organId, servicetype: 'eDoc', messagetype: 'edoc', 'hash-file': axisFileHash(Buffer.from('other bytes')) }, new Date());
    const response = await fetch(new URL('sendEdoc', axis.url), { method: 'POST', headers, body: new Uint8Array(message) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 'FAIL', ErrorCode: 'BAD_HASH' });
    expect(await client(RECEIVER).received('edoc')).toEqual([]);
  });

  describe('header signing', () => {
    const call = (headers: Record<string, string>) => fetch(new URL('getReceivedEdocList', axis.url), { method: 'POST', headers });
    const signed = (secret: string, systemId = RECEIVER.organId, at = new Date(), extra: Record<string, string> = {}) =>
      signAxisHeaders({ systemId, secret }, { servicetype: 'eDoc', messagetype: 'edoc', ...extra }, at);

    it('answers a correctly signed call', async () => {
      const response = await call(signed(RECEIVER.secret));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'OK', ErrorCode: '0', data: [] });
    });

    it.each([
      ['a wrong secret', () => signed('not-the-secret-0123456789'), 'BAD_SIGNATURE'],
      ['an unknown agency', () => signed('secret-of-nobody-012345', '000.00.00.X99'), 'UNKNOWN_AGENCY'],
      ['no signature at all', () => ({ 'XroadVnpt-systemid': RECEIVER.organId }), 'UNSIGNED'],
      ['a timestamp ten minutes old', () => signed(RECEIVER.secret, RECEIVER.organId, new Date(Date.now() - 10 * 60_000)), 'STALE_TIMESTAMP'],
      ['a timestamp ten minutes ahead', () => signed(RECEIVER.secret, RECEIVER.organId, new Date(Date.now() + 10 * 60_000)), 'STALE_TIMESTAMP'],
      ['a header changed after signing', () => ({ ...signed(RECEIVER.secret), 'XroadVnpt-messagetype': 'status' }), 'BAD_SIGNATURE'],
      ['a signed header left out', () => Object.fromEntries(Object.entries(signed(RECEIVER.secret)).filter(([name]) => name !== 'XroadVnpt-messagetype')), 'BAD_SIGNATURE'],
      [
        'another agency’s signature under its own systemid',
        () => ({ ...signed(G22.secret, G22.organId), 'XroadVnpt-systemid': RECEIVER.organId }),
        'BAD_SIGNATURE',
      ],
    ])('refuses %s (401)', async (_case, headers, code) => {
      const response = await call(headers());
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ status: 'FAIL', ErrorCode: code });
    });

    it('refuses the same signed call made twice (a replay), also after the axis restarted', async () => {
      const headers = signed(RECEIVER.secret);
      expect((await call(headers)).status).toBe(200);
      const replay = await call(headers);
      expect(replay.status).toBe(401);
      expect(await replay.json()).toMatchObject({ ErrorCode: 'REPLAYED' });
      await axis.restart();
      expect((await call(headers)).status).toBe(401);
      // a fresh signature a moment later is fine
      expect((await call(signed(RECEIVER.secret))).status).toBe(200);
    });
  });
});
