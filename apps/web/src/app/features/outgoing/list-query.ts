import { OutgoingView } from '@app/contracts';

/** The drafting and approval lists, as tabs; the lists of the later steps (issuing) come with their screens. */
export const OUTGOING_TABS: readonly OutgoingView[] = ['mine', 'waiting', 'approved'];

/** The tab lives in the address (?view=waiting), so back, forward and reload keep it; "mine" is the default and is left out. */
export function viewFromParam(value: string | null): OutgoingView {
  return (OUTGOING_TABS as readonly string[]).includes(value ?? '') ? (value as OutgoingView) : 'mine';
}

export function viewToParams(view: OutgoingView): { view: OutgoingView | null } {
  return { view: view === 'mine' ? null : view };
}
