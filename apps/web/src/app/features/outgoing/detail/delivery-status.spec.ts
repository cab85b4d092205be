import { describe, expect, it } from 'vitest';
import { deliveryIcon, deliveryKey } from './delivery-status';

describe('deliveryKey', () => {
  it('says where a recipient will get it before dispatch', () => {
    expect(deliveryKey({ kind: 'unit', status: 'pending' })).toBe('outgoing.delivery.pendingUnit');
    expect(deliveryKey({ kind: 'organ', status: 'pending' })).toBe('outgoing.delivery.pendingAxis');
  });

  it('says an agency waits for the axis, a unit has it, and a withdrawn copy is withdrawn', () => {
    expect(deliveryKey({ kind: 'organ', status: 'waiting_for_axis' })).toBe('outgoing.delivery.waiting_for_axis');
    expect(deliveryKey({ kind: 'unit', status: 'delivered' })).toBe('outgoing.delivery.delivered');
    expect(deliveryKey({ kind: 'unit', status: 'replaced' })).toBe('outgoing.delivery.replaced');
    expect(deliveryIcon({ kind: 'organ', status: 'waiting_for_axis' })).toBe('schedule_send');
    expect(deliveryIcon({ kind: 'unit', status: 'recalled' })).toBe('block');
  });
});
