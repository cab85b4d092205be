import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestApp, TestApp } from '../support/test-app';

/** The text of a quoted-printable body (nodemailer's choice for Vietnamese text), to read what the person reads. */
function quotedPrintable(text: string): string {
  const flat = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < flat.length; index++) {
    const hex = flat.slice(index + 1, index + 3);
    if (flat[index] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else bytes.push(...Buffer.from(flat[index]));
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe('Meetings: the invitation by e-mail through the configured SMTP server', () => {
  let system: TestApp;
  let smtp: SMTPServer;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    system = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: '"Văn phòng Bộ Y tế" <hop@byt.gov.vn>' });
  });

  afterAll(async () => {
    await system?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails each participant with an address — people and guests — one message each, from the agency’s sender', async () => {
    const token = await system.login('thuky');
    const as = { Authorization: `Bearer ${token}` };
    const ids = Object.fromEntries((await system.query(`SELECT username, id FROM "user" WHERE username IN ('lanhdao', 'chuyenvien')`)).map((row) => [row.username, row.id]));
    const meeting = (
      await system
        .http()
        .post('/api/meetings')
        .set(as)
        .send({
          title: 'Họp giao ban tháng 12',
          startsAt: '2026-12-10T08:00:00+07:00',
          endsAt: '2026-12-10T09:30:00+07:00',
          place: 'Phòng họp số 2',
          participants: [
            { kind: 'user', role: 'chair', userId: ids.lanhdao },
            { kind: 'user', role: 'member', userId: ids.chuyenvien },
            { kind: 'guest', role: 'guest', guestName: 'Ông Nguyễn Văn An', guestEmail: 'an.nv@soyte.hanoi.gov.vn' },
            { kind: 'guest', role: 'guest', guestName: 'Bà Lê Thị Bình' },
          ],
        })
        .expect(201)
    ).body;
    await system.http().post(`/api/meetings/${meeting.id}/invitations`).set(as).expect(201);

    const recipients = received.flatMap((message) => message.to).sort();
    expect(recipients).toEqual(['an.nv@soyte.hanoi.gov.vn', 'hung.pq@example.gov.vn', 'minh.tv@example.gov.vn']);
    expect(received.every((message) => message.to.length === 1 && message.from === 'hop@byt.gov.vn')).toBe(true);
    const toGuest = received.find((message) => message.to[0] === 'an.nv@soyte.hanoi.gov.vn')!;
    expect(toGuest.data).toContain('Subject: =?UTF-8?');
    const text = quotedPrintable(toGuest.data);
    expect(text).toContain('Kính gửi: Ông Nguyễn Văn An');
    expect(text).toContain('Địa điểm: Phòng họp số 2');
    expect(text).toContain('Chủ trì: Phạm Quốc Hùng');
    // the notifications went out as well
    expect(await system.query(`SELECT COUNT(*)::int AS notified FROM notification WHERE kind = 'meeting.invitation'`)).toEqual([{ notified: 2 }]);
  });
});
