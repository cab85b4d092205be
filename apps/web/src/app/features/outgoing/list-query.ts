import { OutgoingView } from '@app/contracts';

/** The working lists, as tabs; `to_issue` (signed, waiting for a number) is the clerks'. */
export const OUTGOING_TABS: readonly OutgoingView[] = ['mine', 'waiting', 'approved', 'to_issue'];

/** The tabs a user works with: the signed documents to number only for those who issue them. */
export function tabsFor(issues: boolean): OutgoingView[] {
  return OUTGOING_TABS.filter((view) => view !== 'to_issue' || issues);
}

/** The tab lives in the address (?view=waiting), so back, forward and reload keep it; "mine" is the default and is left out. */
export function viewFromParam(value: string | null): OutgoingView {
  return (OUTGOING_TABS as readonly string[]).includes(value ?? '') ? (value as OutgoingView) : 'mine';
}

export function viewToParams(view: OutgoingView): { view: OutgoingView | null } {
  return { view: view === 'mine' ? null : view };
}
