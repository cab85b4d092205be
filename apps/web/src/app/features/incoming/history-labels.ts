import { IncomingHistoryEntryDto } from '@app/contracts';
import { FieldMessage, VERBATIM_KEY } from './form-errors';
import { formatIsoDate } from './incoming-format';

/**
 * The steps of an incoming document's life the interface has words for (`incoming.history.actions.*`).
 * A step the API adds later shows its code until it is translated here: readable, never blank.
 */
export const KNOWN_HISTORY_ACTIONS = [
  'received',
  'registered',
  'stamped',
  'ocr',
  'text_extracted',
  'preparation_failed',
  'submitted',
  'directed',
  'delegated',
  'progress',
  'completed',
  'returned',
  'rejected',
  'done',
  'recalled',
] as const;

/** The label of a step: a translation key when it has one, else the code itself, shown as it is. */
export function historyActionLabel(action: string): FieldMessage {
  return (KNOWN_HISTORY_ACTIONS as readonly string[]).includes(action)
    ? { key: `incoming.history.actions.${action}` }
    : { key: VERBATIM_KEY, params: { message: action } };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The lines under a step of the timeline, from what the API recorded with it: the arrival number on
 * registration (with the register's name when `registerNames`, code → name, knows it), whom it went
 * to, the directive, a note or reason, a deadline. Unknown details are left out rather than dumped as JSON.
 */
export function historyDetailLines(
  entry: Pick<IncomingHistoryEntryDto, 'action' | 'details'>,
  registerNames: ReadonlyMap<string, string> = new Map(),
): FieldMessage[] {
  const details = entry.details ?? {};
  const lines: FieldMessage[] = [];
  const arrivalNumber = details['arrivalNumber'];
  if (entry.action === 'registered' && typeof arrivalNumber === 'number') {
    const code = text(details['registerCode']);
    const register = code ? (registerNames.get(code) ?? code) : null;
    lines.push({
      key: register ? 'incoming.history.details.arrivalNumberInRegister' : 'incoming.history.details.arrivalNumber',
      params: { number: arrivalNumber, year: details['arrivalYear'] ?? '', register: register ?? '' },
    });
  }
  const to = details['to'] as { fullName?: unknown } | null | undefined;
  const recipient = text(to?.fullName);
  if (recipient) lines.push({ key: 'incoming.history.details.to', params: { name: recipient } });
  for (const field of ['directive', 'text', 'note', 'reason']) {
    const value = text(details[field]);
    if (value) lines.push({ key: VERBATIM_KEY, params: { message: `“${value}”` } });
  }
  const reply = text(details['replyReference']);
  if (reply) lines.push({ key: 'incoming.history.details.reply', params: { reference: reply } });
  const dueOn = text(details['dueOn']);
  if (dueOn && formatIsoDate(dueOn)) lines.push({ key: 'incoming.history.details.dueOn', params: { date: formatIsoDate(dueOn) } });
  return lines;
}
