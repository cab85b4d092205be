import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('follows paths inside the app', () => {
    expect(safeReturnUrl('/admin/users?q=lan')).toBe('/admin/users?q=lan');
    expect(safeReturnUrl('/loginless-page')).toBe('/loginless-page');
  });

  it('goes to the desk when there is nothing to follow', () => {
    expect(safeReturnUrl(null)).toBe('/desk');
    expect(safeReturnUrl(undefined)).toBe('/desk');
    expect(safeReturnUrl('')).toBe('/desk');
  });

  it('never leaves the site', () => {
    expect(safeReturnUrl('https://evil.example/')).toBe('/desk');
    expect(safeReturnUrl('//evil.example/')).toBe('/desk');
    expect(safeReturnUrl('/\\evil.example/')).toBe('/desk');
    expect(safeReturnUrl('javascript:alert(1)')).toBe('/desk');
  });

  it('does not loop back to the login page', () => {
    expect(safeReturnUrl('/login')).toBe('/desk');
    expect(safeReturnUrl('/login?returnUrl=%2Fdesk')).toBe('/desk');
  });
});
