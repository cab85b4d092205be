import { toHttpParams } from './api-client';

describe('toHttpParams', () => {
  it('keeps the filters the user chose and drops the empty ones', () => {
    const params = toHttpParams({ q: 'Nguyễn', unitId: '', role: undefined, cursor: null, limit: 50, active: false });
    expect(params.keys().sort()).toEqual(['active', 'limit', 'q']);
    expect(params.get('q')).toBe('Nguyễn');
    expect(params.get('limit')).toBe('50');
    expect(params.get('active')).toBe('false');
  });

  it('encodes Vietnamese text in the query string', () => {
    expect(toHttpParams({ q: 'Quyết định' }).toString()).toBe('q=Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh');
  });
});
