import { badgeText } from './notification-bell';

describe('badgeText', () => {
  it('hides at zero and caps large counts', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(250)).toBe('99+');
  });
});
