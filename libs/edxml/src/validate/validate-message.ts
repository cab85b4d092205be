import type { EdxmlDocumentMessageInput, EdxmlStatusMessageInput } from '../model/outgoing';
import type { EdxmlDocumentMessage, EdxmlStatusMessage } from '../model/message';
import type { EdxmlProblem } from '../model/problems';

/**
 * `send`: what we write must pass (lengths and required fields are errors);
 * `receive`: what others sent is judged leniently (the same findings are mostly warnings).
 */
export type EdxmlValidationMode = 'send' | 'receive';

export function validateDocumentMessage(message: EdxmlDocumentMessage | EdxmlDocumentMessageInput, mode: EdxmlValidationMode = 'send'): EdxmlProblem[] {
  void message;
  void mode;
  return [];
}

export function validateStatusMessage(message: EdxmlStatusMessage | EdxmlStatusMessageInput, mode: EdxmlValidationMode = 'send'): EdxmlProblem[] {
  void message;
  void mode;
  return [];
}
