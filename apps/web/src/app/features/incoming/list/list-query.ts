import {
  CurrentUser,
  DOCUMENT_TYPE_CODES,
  DocumentTypeCode,
  INCOMING_COUNT_LIMIT,
  INCOMING_SORTS,
  INCOMING_STATES,
  IncomingCounts,
  IncomingListQuery,
  IncomingSort,
  IncomingState,
  IncomingView,
  Permission,
  URGENCIES,
  Urgency,
} from '@app/contracts';

/**
 * Everything that decides what the list shows. It lives in the address (`?view=…&issuer=…`), so
 * back and forward, a reload and a shared link all give the same list.
 */
export interface ListState {
  view: IncomingView;
  /** the search words: when set, the list gives way to ranked results */
  q: string;
  registerId: string | null;
  /** null: every year */
  year: number | null;
  issuer: string;
  documentType: DocumentTypeCode | null;
  urgency: Urgency | null;
  state: IncomingState | null;
  arrivedFrom: string | null;
  arrivedTo: string | null;
  /** the documents whose open work this unit holds (the dashboard's and the workload card's click-through) */
  unitId: string | null;
  sort: IncomingSort;
}

/** What the address carries, as Angular's ParamMap gives it. */
export interface QueryParamSource {
  get(name: string): string | null;
}

export type Who = Pick<CurrentUser, 'roles' | 'permissions'>;

/** The order of the tabs: the working lists, then the deadline ones, then the archive. */
const TAB_ORDER: readonly IncomingView[] = ['to_register', 'to_direct', 'assigned_to_me', 'my_unit', 'supporting', 'for_information', 'due_soon', 'overdue', 'done', 'all'];
const DEFAULT_SORT: IncomingSort = 'arrived_desc';
/** The year the register lists default to: registers restart their numbers every 1 January. */
const REGISTER_VIEWS: readonly IncomingView[] = ['all', 'done'];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The lists that make sense for a user: a clerk keeps the register, a leader directs, a unit head
 * answers for the unit, everyone handles what they are given. Anyone handling documents watches
 * deadlines; everyone sees the register as far as they may.
 */
export function visibleViews(who: Who | null): IncomingView[] {
  if (!who) return ['all'];
  const shown = new Set<IncomingView>(['all', 'done']);
  const clerk = who.permissions.includes(Permission.IncomingRegister);
  const leader = who.permissions.includes(Permission.IncomingDirect);
  const handles = who.roles.some((role) => role === 'officer' || role === 'unit_head');
  if (clerk) shown.add('to_register');
  if (leader) shown.add('to_direct');
  if (who.roles.includes('unit_head')) shown.add('my_unit');
  if (handles) ['assigned_to_me', 'supporting', 'for_information'].forEach((view) => shown.add(view as IncomingView));
  if (leader || handles || clerk) ['due_soon', 'overdue'].forEach((view) => shown.add(view as IncomingView));
  return TAB_ORDER.filter((view) => shown.has(view));
}

/**
 * Where each user starts: a leader with what waits for direction, a unit head with the unit's work,
 * an officer with their own; a clerk with the register itself, which is their daily book.
 */
export function defaultView(who: Who | null): IncomingView {
  if (!who) return 'all';
  if (who.permissions.includes(Permission.IncomingDirect)) return 'to_direct';
  if (who.roles.includes('unit_head')) return 'my_unit';
  if (who.roles.includes('officer')) return 'assigned_to_me';
  return 'all';
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function isoDate(value: string | null): string | null {
  return value !== null && ISO_DATE.test(value) ? value : null;
}

/**
 * The state from the address, every value checked: a hand-edited or stale link gives the defaults,
 * never a request the API refuses. The year defaults to this one on the register lists only: a
 * working list shows last December's open document in January too. `?year=all` is every year.
 */
export function parseListState(params: QueryParamSource, who: Who | null, thisYear: number): ListState {
  const views = visibleViews(who);
  const view = oneOf(params.get('view'), views) ?? (views.includes(defaultView(who)) ? defaultView(who) : views[0]);
  const yearText = params.get('year');
  const year = Number(yearText);
  const validYear = yearText !== null && Number.isInteger(year) && year >= 2000 && year <= 2100;
  return {
    view,
    q: (params.get('q') ?? '').trim(),
    registerId: params.get('registerId') || null,
    year: validYear ? year : yearText !== 'all' && REGISTER_VIEWS.includes(view) ? thisYear : null,
    issuer: (params.get('issuer') ?? '').trim(),
    documentType: oneOf(params.get('documentType'), DOCUMENT_TYPE_CODES),
    urgency: oneOf(params.get('urgency'), URGENCIES),
    state: oneOf(params.get('state'), INCOMING_STATES),
    arrivedFrom: isoDate(params.get('arrivedFrom')),
    arrivedTo: isoDate(params.get('arrivedTo')),
    unitId: UUID.test(params.get('unitId') ?? '') ? params.get('unitId') : null,
    sort: oneOf(params.get('sort'), INCOMING_SORTS) ?? DEFAULT_SORT,
  };
}

/**
 * Where a unit's figure leads (the dashboard, the workload card): that unit's documents, the nearest
 * deadline first. The in-progress figure counts every year's open documents, so its list says every year.
 */
export function unitListParams(view: 'all' | 'due_soon' | 'overdue', unitId: string): Record<string, string> {
  const sort: IncomingSort = 'due_asc';
  return view === 'all' ? { view, unitId, year: 'all', sort } : { view, unitId, sort };
}

/**
 * The address for a state: only what differs from the defaults, so a plain list has a plain
 * address. Null removes a parameter when Angular merges it.
 */
export function toQueryParams(state: ListState, who: Who | null, thisYear: number): Record<string, string | null> {
  const defaultYear = REGISTER_VIEWS.includes(state.view) ? thisYear : null;
  return {
    view: state.view === defaultView(who) ? null : state.view,
    q: state.q || null,
    registerId: state.registerId,
    year: state.year === defaultYear ? null : state.year === null ? 'all' : String(state.year),
    issuer: state.issuer || null,
    documentType: state.documentType,
    urgency: state.urgency,
    state: state.state,
    arrivedFrom: state.arrivedFrom,
    arrivedTo: state.arrivedTo,
    unitId: state.unitId,
    sort: state.sort === DEFAULT_SORT ? null : state.sort,
  };
}

/** The API's query for a state; the issuer filter needs two letters (the API refuses one). */
export function toApiQuery(state: ListState): IncomingListQuery {
  const query: IncomingListQuery = { view: state.view, sort: state.sort };
  if (state.registerId) query.registerId = state.registerId;
  if (state.year !== null) query.year = state.year;
  if (state.issuer.length >= 2) query.issuer = state.issuer;
  if (state.documentType) query.documentType = state.documentType;
  if (state.urgency) query.urgency = state.urgency;
  if (state.state) query.state = state.state;
  if (state.arrivedFrom) query.arrivedFrom = state.arrivedFrom;
  if (state.arrivedTo) query.arrivedTo = state.arrivedTo;
  if (state.unitId) query.unitId = state.unitId;
  return query;
}

/** How many filters beyond the view are set: the number on the phone's "Bộ lọc" button. */
export function activeFilterCount(state: ListState): number {
  return [state.registerId, state.issuer, state.documentType, state.urgency, state.state, state.arrivedFrom, state.arrivedTo, state.unitId].filter(Boolean).length;
}

/** The badge of a tab: nothing for the lists without a count or with none waiting, "1000+" past the API's cap. */
export function countBadge(counts: IncomingCounts | null, view: IncomingView): string | null {
  if (!counts || view === 'all' || view === 'done') return null;
  const count = counts[view];
  if (!count) return null;
  return count >= INCOMING_COUNT_LIMIT ? `${INCOMING_COUNT_LIMIT}+` : String(count);
}
