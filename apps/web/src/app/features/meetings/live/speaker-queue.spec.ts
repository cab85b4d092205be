import { clock } from './speaker-queue';

describe('the speaking clock', () => {
  it('shows minutes and seconds', () => {
    expect(clock(0)).toBe('00:00');
    expect(clock(65.9)).toBe('01:05');
    expect(clock(3600)).toBe('60:00');
    expect(clock(-3)).toBe('00:00');
  });
});
