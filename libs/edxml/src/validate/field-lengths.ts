/**
 * Longest values receivers accept, in characters: Bkav's validator (`Checker.java`) and Decree
 * 30/2020 Appendix VI agree on these. Marked [U] where neither says and the value is our choice.
 */
export const MAX_LENGTH = {
  organId: 13,
  /** [U] as OrganName */
  organizationInCharge: 200,
  organName: 200,
  organAdd: 250,
  email: 100,
  telephone: 20,
  fax: 20,
  /** [U] */
  website: 100,
  /** [U] OrganId, a date and Number/Notation, or a UUID */
  documentId: 100,
  codeNumber: 11,
  codeNotation: 30,
  place: 50,
  typeName: 100,
  subject: 500,
  content: 500,
  competence: 100,
  position: 100,
  fullName: 50,
  toPlace: 150,
  sphereOfPromulgation: 100,
  typerNotation: 10,
  appendix: 250,
  /** [U] */
  bussinessDocReason: 500,
  /** [U] */
  department: 200,
  /** [U] */
  staff: 100,
  /** [U] */
  mobile: 20,
  /** [U] a file name on common file systems */
  attachmentName: 255,
  /** [U] */
  attachmentDescription: 500,
  /** [U] */
  contentType: 255,
  /** [U] */
  statusDescription: 500,
} as const;
