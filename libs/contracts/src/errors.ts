/**
 * The one shape of every API failure. `message` is Vietnamese (what the user reads),
 * `messageEn` the same in English, `code` a stable English code clients can branch on.
 */
export interface ApiError {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
  messageEn?: string;
  /** e.g. the list of invalid fields: [{ field: 'username', problems: ['...'] }] */
  details?: unknown;
}

export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  MalformedJson: 'MALFORMED_JSON',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountLocked: 'ACCOUNT_LOCKED',
  AccountDisabled: 'ACCOUNT_DISABLED',
  TokenExpired: 'TOKEN_EXPIRED',
  TokenInvalid: 'TOKEN_INVALID',
  RefreshTokenInvalid: 'REFRESH_TOKEN_INVALID',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  UserNotFound: 'USER_NOT_FOUND',
  UnitNotFound: 'UNIT_NOT_FOUND',
  OrganNotFound: 'ORGAN_NOT_FOUND',
  FileNotFound: 'FILE_NOT_FOUND',
  CalendarExceptionNotFound: 'CALENDAR_EXCEPTION_NOT_FOUND',
  DuplicateCalendarDate: 'DUPLICATE_CALENDAR_DATE',
  CalendarDayAlreadyWorking: 'CALENDAR_DAY_ALREADY_WORKING',
  CalendarDayAlreadyOff: 'CALENDAR_DAY_ALREADY_OFF',
  DuplicateUsername: 'DUPLICATE_USERNAME',
  DuplicateUnitCode: 'DUPLICATE_UNIT_CODE',
  DuplicateOrganId: 'DUPLICATE_ORGAN_ID',
  InvalidOrganId: 'INVALID_ORGAN_ID',
  UnitHasMembers: 'UNIT_HAS_MEMBERS',
  UnitHasChildren: 'UNIT_HAS_CHILDREN',
  UnitCycle: 'UNIT_CYCLE',
  SelfOrganUndeletable: 'SELF_ORGAN_UNDELETABLE',
  VersionConflict: 'VERSION_CONFLICT',
  RegisterNotFound: 'REGISTER_NOT_FOUND',
  RegisterMismatch: 'REGISTER_MISMATCH',
  DuplicateRegisterCode: 'DUPLICATE_REGISTER_CODE',
  IncomingDocumentNotFound: 'INCOMING_DOCUMENT_NOT_FOUND',
  FileAlreadyUsed: 'FILE_ALREADY_USED',
  InvalidState: 'INVALID_STATE',
  AssignmentNotFound: 'ASSIGNMENT_NOT_FOUND',
  FileTooLarge: 'FILE_TOO_LARGE',
  FileTypeNotAllowed: 'FILE_TYPE_NOT_ALLOWED',
  FileTypeMismatch: 'FILE_TYPE_MISMATCH',
  FileMissing: 'FILE_MISSING',
  RangeNotSatisfiable: 'RANGE_NOT_SATISFIABLE',
  RateLimited: 'RATE_LIMITED',
  OidcDisabled: 'OIDC_DISABLED',
  OidcFailed: 'OIDC_FAILED',
  InternalError: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
