/**
 * What can be wrong with a message. A problem has a path in QCVN 102 element names
 * (e.g. `MessageHeader/To[2]/OrganId`, `Attachment[cid:209]`) so a clerk or a log reader finds it.
 */
export type EdxmlProblemSeverity = 'error' | 'warning';

export type EdxmlProblemCode =
  | 'required'
  | 'too_long'
  | 'out_of_range'
  | 'invalid_value'
  | 'invalid_date'
  | 'invalid_character'
  | 'duplicate'
  | 'unknown_element'
  | 'unexpected_place'
  | 'content_type_mismatch'
  | 'attachment_undecodable'
  | 'attachment_not_in_manifest'
  | 'manifest_without_attachment'
  | 'attachment_content_invalid'
  | 'zip_unreadable'
  | 'zip_bomb'
  | 'zip_path_traversal'
  | 'zip_too_many_entries'
  | 'zip_encrypted';

export interface EdxmlProblem {
  path: string;
  code: EdxmlProblemCode;
  severity: EdxmlProblemSeverity;
  /** English, for logs and developers */
  message: string;
}

/** Why a whole message was refused (nothing of it should be stored as a document). */
export type EdxmlRefusalCode =
  | 'NOT_WELL_FORMED'
  | 'DOCTYPE_REFUSED'
  | 'NOT_UTF8'
  | 'MESSAGE_TOO_LARGE'
  | 'ATTACHMENT_TOO_LARGE'
  | 'TOO_DEEP'
  | 'TOO_MANY_ELEMENTS'
  | 'TEXT_TOO_LONG'
  | 'NOT_EDXML'
  | 'INVALID_MESSAGE';

const REFUSAL_VI: Record<EdxmlRefusalCode, string> = {
  NOT_WELL_FORMED: 'Gói tin edXML không đúng cú pháp XML',
  DOCTYPE_REFUSED: 'Gói tin edXML chứa khai báo DOCTYPE/thực thể, không được chấp nhận',
  NOT_UTF8: 'Gói tin edXML không được mã hóa UTF-8',
  MESSAGE_TOO_LARGE: 'Gói tin edXML vượt quá dung lượng cho phép',
  ATTACHMENT_TOO_LARGE: 'Tệp đính kèm trong gói tin edXML vượt quá dung lượng cho phép',
  TOO_DEEP: 'Gói tin edXML lồng quá nhiều cấp',
  TOO_MANY_ELEMENTS: 'Gói tin edXML có quá nhiều phần tử',
  TEXT_TOO_LONG: 'Một trường trong gói tin edXML quá dài',
  NOT_EDXML: 'Tệp không phải gói tin edXML (QCVN 102:2016)',
  INVALID_MESSAGE: 'Gói tin edXML không hợp lệ',
};

/** A message refused as a whole: malformed, hostile, or not edXML at all. */
export class EdxmlRefusedError extends Error {
  override readonly name = 'EdxmlRefusedError';
  /** Vietnamese wording for the people who see it */
  readonly messageVi: string;
  constructor(
    readonly code: EdxmlRefusalCode,
    message: string,
    readonly problems: EdxmlProblem[] = [],
  ) {
    super(message);
    this.messageVi = REFUSAL_VI[code];
  }
}

/** A message that cannot be written: every problem names its field. */
export class EdxmlValidationError extends Error {
  override readonly name = 'EdxmlValidationError';
  readonly messageVi: string;
  constructor(readonly problems: EdxmlProblem[]) {
    super(`edXML message is not valid: ${problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
    this.messageVi = `Gói tin edXML không hợp lệ: ${problems.filter((problem) => problem.severity === 'error').map((problem) => problem.path).join(', ')}`;
  }
}
