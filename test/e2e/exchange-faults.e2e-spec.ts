import { eventually, TestAgency } from '../support/axis-agencies';
import { AxisProxy } from '../support/axis-proxy';
import { startTestAxis, TestAxis } from '../support/axis-sim';

const A = { organId: '000.00.00.G10', name: 'Bộ Y tế', notation: 'BYT', secret: 'secret-of-G10-for-the-tests' };
const B = { organId: '000.00.00.G12', name: 'Bộ Tài chính', notation: 'BTC', secret: 'secret-of-G12-for-the-tests' };

/** What goes wrong in real life: the axis is down, the receiving API dies halfway. Nothing is lost, nothing doubled. */
describe('Interconnection faults', () => {
  let axis: TestAxis;
  let proxy: AxisProxy;
  let a: TestAgency;
  let b: TestAgency;

  beforeAll(async () => {
    axis = await startTestAxis([A, B]);
    proxy = await new AxisProxy(axis.url).start();
    a = await new TestAgency(A, axis.url).start();
    // B reaches the axis through a proxy that can stop it at any call
    b = await new TestAgency(B, proxy.url).start();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
    await axis?.close();
  });

  it('the axis is down while A sends: the message waits, is tried again with back-off, and goes once when the axis is back', async () => {
    await axis.stop();
    const sent = await a.issueTo([B.organId], 'V/v kiểm tra khi trục ngừng hoạt động');
    await a.queueWaiting();
    const failed = await eventually('a failed attempt', async () => {
      const [row] = await a.outboxOf(sent.id);
      return row.attempts >= 1 ? row : undefined;
    });
    expect(failed.status).toBe('waiting_for_axis');
    const waiting = await a.exchangeOf(sent.id);
    expect(waiting.recipients[0].messages).toEqual([expect.objectContaining({ kind: 'dispatch', status: 'waiting_for_axis' })]);

    await axis.restart();
    await eventually('the retry to send it', async () => (await a.outboxOf(sent.id))[0].status === 'sent');
    const atAxis = (await axis.deliveriesFrom(A.organId)).filter((delivery) => delivery.title === 'V/v kiểm tra khi trục ngừng hoạt động');
    expect(atAxis).toHaveLength(1);
    expect(await b.pollUntilReceived(A.organId, sent.numberAndNotation)).toHaveLength(1);
  });

  it('B’s API dies after fetching a message and before acknowledging it: after the restart the message is there once, and the axis is told', async () => {
    const sent = await a.issueTo([B.organId], 'V/v kiểm tra khi bên nhận dừng giữa chừng');
    await a.queueWaiting();
    await eventually('A to send it', async () => (await a.outboxOf(sent.id))[0].status === 'sent');

    proxy.cutAfter('/getEdoc');
    await expect(b.poll()).rejects.toThrow(/cannot be reached/);
    await b.stop();
    proxy.heal();
    const offered = (await axis.deliveriesFrom(A.organId)).filter((delivery) => delivery.to === B.organId && delivery.title === 'V/v kiểm tra khi bên nhận dừng giữa chừng');
    expect(offered.map((delivery) => delivery.status)).toEqual(['initial']);

    // stored safely before the end, not acknowledged: the axis still offers it, and it is not lost either way
    await b.start();
    // B kept what it had stored (its minutely round may already have made the document of it)
    const kept = await b.system.query(`SELECT state FROM exchange_inbox_message WHERE message_type = 'edoc' ORDER BY received_at DESC LIMIT 1`);
    expect(['stored', 'processed']).toContain(kept[0].state);

    expect(await b.pollUntilReceived(A.organId, sent.numberAndNotation)).toHaveLength(1);
    await b.poll();
    expect(await b.receivedFrom(A.organId, sent.numberAndNotation)).toHaveLength(1);
    const [messages] = await b.system.query(`SELECT count(*)::int AS count FROM exchange_inbox_message WHERE message_type = 'edoc' AND state <> 'duplicate'`);
    expect(messages.count).toBe(2);
    // the axis was told at last: nothing more waits for B
    const afterwards = (await axis.deliveriesFrom(A.organId)).filter((delivery) => delivery.to === B.organId && delivery.messageType === 'edoc');
    expect(afterwards.every((delivery) => delivery.status === 'done')).toBe(true);
  });
  it('a stored message that cannot become a document yet (no incoming register in use) is kept and becomes one later, once', async () => {
    const sent = await a.issueTo([B.organId], 'V/v kiểm tra khi chưa có sổ văn bản đến');
    await a.queueWaiting();
    await eventually('A to send it', async () => (await a.outboxOf(sent.id))[0].status === 'sent');
    const registers: { id: string }[] = await b.system.query(`SELECT id FROM document_register WHERE direction = 'incoming' AND active`);
    await b.system.query(`UPDATE document_register SET active = false WHERE id = ANY($1)`, [registers.map((register) => register.id)]);

    await b.poll();
    expect(await b.receivedFrom(A.organId, sent.numberAndNotation)).toHaveLength(0);
    const [waiting] = await b.system.query(`SELECT count(*)::int AS count FROM exchange_inbox_message WHERE state = 'stored'`);
    expect(waiting.count).toBe(1);
    // taken from the axis all the same: it is safe with B
    expect((await axis.deliveriesFrom(A.organId)).filter((delivery) => delivery.title === 'V/v kiểm tra khi chưa có sổ văn bản đến').map((delivery) => delivery.status)).toEqual(['done']);

    await b.system.query(`UPDATE document_register SET active = true WHERE id = ANY($1)`, [registers.map((register) => register.id)]);
    expect(await b.pollUntilReceived(A.organId, sent.numberAndNotation)).toHaveLength(1);
  });
});
