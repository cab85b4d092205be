import { cameOverAxis } from './axis-exchange';

describe('cameOverAxis', () => {
  it('is true for a document received over the axis from another agency', () => {
    expect(cameOverAxis({ receivedVia: 'axis', sourceOutgoingId: null })).toBe(true);
  });

  it('is false for an internal dispatch, which is received over the axis from an outgoing document of this agency', () => {
    expect(cameOverAxis({ receivedVia: 'axis', sourceOutgoingId: '6f1c1c52-6d5e-4b8e-9d55-2a8f3f0f0b11' })).toBe(false);
  });

  it('is false for paper and the other channels', () => {
    expect(cameOverAxis({ receivedVia: 'paper', sourceOutgoingId: null })).toBe(false);
    expect(cameOverAxis({ receivedVia: 'email', sourceOutgoingId: null })).toBe(false);
  });
});
