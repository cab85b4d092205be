import { INCOMING_COUNT_LIMIT, IncomingCounts, Permission } from '@app/contracts';
import { ListState, Who, activeFilterCount, countBadge, defaultView, parseListState, toApiQuery, toQueryParams, unitListParams, visibleViews } from './list-query';

const clerk: Who = { roles: ['clerk'], permissions: [Permission.IncomingRegister] };
const leader: Who = { roles: ['leader'], permissions: [Permission.IncomingDirect] };
const head: Who = { roles: ['unit_head', 'officer'], permissions: [] };
const officer: Who = { roles: ['officer'], permissions: [] };
const YEAR = 2026;

function params(values: Record<string, string>) {
  return { get: (name: string) => values[name] ?? null };
}

describe('which lists a user sees', () => {
  it('gives each role its working lists, in one order', () => {
    expect(visibleViews(clerk)).toEqual(['to_register', 'due_soon', 'overdue', 'done', 'all']);
    expect(visibleViews(leader)).toEqual(['to_direct', 'due_soon', 'overdue', 'done', 'all']);
    expect(visibleViews(head)).toEqual(['assigned_to_me', 'my_unit', 'supporting', 'for_information', 'due_soon', 'overdue', 'done', 'all']);
    expect(visibleViews(officer)).toEqual(['assigned_to_me', 'supporting', 'for_information', 'due_soon', 'overdue', 'done', 'all']);
    expect(visibleViews(null)).toEqual(['all']);
  });

  it('starts each where their work is; the clerk in the register', () => {
    expect(defaultView(clerk)).toBe('all');
    expect(defaultView(leader)).toBe('to_direct');
    expect(defaultView(head)).toBe('my_unit');
    expect(defaultView(officer)).toBe('assigned_to_me');
  });
});

describe('the list state in the address', () => {
  it('reads an empty address as the defaults: this year on the register, every year on a working list', () => {
    expect(parseListState(params({}), clerk, YEAR)).toEqual({
      view: 'all',
      q: '',
      registerId: null,
      year: YEAR,
      issuer: '',
      documentType: null,
      urgency: null,
      state: null,
      arrivedFrom: null,
      arrivedTo: null,
      unitId: null,
      sort: 'arrived_desc',
    });
    expect(parseListState(params({}), leader, YEAR)).toMatchObject({ view: 'to_direct', year: null });
  });

  it('reads every filter, and drops what is not valid or not allowed to this user', () => {
    const state = parseListState(
      params({ view: 'overdue', q: ' quyết định ', year: '2025', issuer: 'Bộ Tài chính', documentType: 'decision', urgency: 'urgent', state: 'in_progress', arrivedFrom: '2026-01-01', arrivedTo: '2026-13-01', sort: 'due_asc' }),
      officer,
      YEAR,
    );
    expect(state).toMatchObject({ view: 'overdue', q: 'quyết định', year: 2025, issuer: 'Bộ Tài chính', documentType: 'decision', urgency: 'urgent', state: 'in_progress', arrivedFrom: '2026-01-01', arrivedTo: null, sort: 'due_asc' });
    expect(parseListState(params({ view: 'to_direct', urgency: 'panic', sort: 'random' }), clerk, YEAR)).toMatchObject({ view: 'all', urgency: null, sort: 'arrived_desc' });
    expect(parseListState(params({ year: 'all' }), clerk, YEAR).year).toBeNull();
    expect(parseListState(params({ year: '1850' }), clerk, YEAR).year).toBe(YEAR);
  });

  it('writes only what differs from the defaults, and reads back the same state', () => {
    const plain = parseListState(params({}), clerk, YEAR);
    expect(Object.values(toQueryParams(plain, clerk, YEAR)).filter((value) => value !== null)).toEqual([]);

    const chosen: ListState = { ...plain, view: 'to_register', year: null, issuer: 'Nội vụ', urgency: 'express', arrivedFrom: '2026-11-01', sort: 'arrived_asc' };
    const address = toQueryParams(chosen, clerk, YEAR);
    // every year is the default of a working list: nothing to write
    expect(address).toMatchObject({ view: 'to_register', year: null, issuer: 'Nội vụ', urgency: 'express', arrivedFrom: '2026-11-01', sort: 'arrived_asc', q: null });
    const back = parseListState(params(Object.fromEntries(Object.entries(address).filter((entry): entry is [string, string] => entry[1] !== null))), clerk, YEAR);
    expect(back).toEqual(chosen);
    // on the register, every year has to be said
    expect(toQueryParams({ ...plain, year: null }, clerk, YEAR)['year']).toBe('all');
  });

  it('asks the API for the view, the sort and the filters set; a one-letter issuer waits', () => {
    const state = parseListState(params({ view: 'overdue', issuer: 'B', urgency: 'urgent', year: '2026' }), officer, YEAR);
    expect(toApiQuery(state)).toEqual({ view: 'overdue', sort: 'arrived_desc', year: 2026, urgency: 'urgent' });
    expect(toApiQuery({ ...state, issuer: 'Bộ' }).issuer).toBe('Bộ');
  });

  it('carries a unit from the address to the API, as a filter that can be counted and removed', () => {
    const unitId = '0d5c1c52-6d5e-4b8e-9d55-2a8f3f0f0b11';
    const state = parseListState(params(unitListParams('overdue', unitId)), leader, YEAR);
    expect(state).toMatchObject({ view: 'overdue', unitId });
    expect(toApiQuery(state)).toEqual({ view: 'overdue', sort: 'due_asc', unitId });
    expect(activeFilterCount(state)).toBe(1);
    expect(toQueryParams({ ...state, unitId: null }, leader, YEAR)['unitId']).toBeNull();
    // the in-progress figure counts every year's documents: its list is not held to this year
    expect(parseListState(params(unitListParams('all', unitId)), leader, YEAR)).toMatchObject({ view: 'all', unitId, year: null });
    // a hand-edited address that is not a unit's id is left out, not sent to the API
    expect(parseListState(params({ unitId: "x' OR 1=1" }), leader, YEAR).unitId).toBeNull();
  });

  it('counts the filters set beyond the view', () => {
    const state = parseListState(params({ issuer: 'Bộ', state: 'done', registerId: 'r1' }), clerk, YEAR);
    expect(activeFilterCount(state)).toBe(3);
  });
});

describe('tab badges', () => {
  const counts: IncomingCounts = { to_register: 0, to_direct: 4, assigned_to_me: 1, my_unit: 2, supporting: 0, for_information: 0, due_soon: 3, overdue: INCOMING_COUNT_LIMIT };
  it('shows a count only where something waits, capped as the API caps it', () => {
    expect(countBadge(counts, 'to_direct')).toBe('4');
    expect(countBadge(counts, 'to_register')).toBeNull();
    expect(countBadge(counts, 'overdue')).toBe('1000+');
    expect(countBadge(counts, 'all')).toBeNull();
    expect(countBadge(null, 'to_direct')).toBeNull();
  });
});
