import type { EdxmlStatusMessageInput } from '../model/outgoing';

/** A status message (no body). Throws EdxmlValidationError naming every field that is wrong. */
export function writeStatusMessage(status: EdxmlStatusMessageInput): Buffer {
  void status;
  throw new Error('writeStatusMessage: being written');
}
