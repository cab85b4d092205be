import type { Retention, UsageMode } from '@app/contracts';
import { retentionLabel } from '../retention';
import { USAGE_MODE_LABELS } from '@app/contracts';

/** The case file as the archive describes it (Decree 30 Appendix VI Part II "Hồ sơ"; Circular 02/2019). */
export interface CaseFileMetadata {
  organId: string;
  organName: string;
  year: number;
  /** `01.TCCB` */
  fileNotation: string;
  title: string;
  retention: Retention;
  usageMode: UsageMode;
  keeper: string;
  language: string;
  startDate: string;
  endDate: string | null;
  documentCount: number;
  pageCount: number;
  description: string | null;
}

/** A document of the case file (Appendix VI "Văn bản"; Circular 02/2019 document metadata). */
export interface DocumentMetadata {
  ordinal: number;
  kind: 'incoming' | 'outgoing' | 'internal';
  typeName: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  organName: string | null;
  subject: string;
  pageAmount: number | null;
  /** the package paths of its files */
  files: string[];
}

const escape = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // characters XML 1.0 cannot carry at all
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

const element = (name: string, value: string | number | null | undefined, indent: string): string =>
  value === null || value === undefined || value === '' ? `${indent}<${name}/>` : `${indent}<${name}>${escape(String(value))}</${name}>`;

/**
 * FileCode = OrganId.FileCatalog.FileNotation (`000.00.00.G10.2026.01.TCCB`): the organ's id, the
 * year the file was formed (Circular 02/2019 FileCatalog: "mục lục số hoặc năm hình thành") and
 * its notation.
 */
export const fileCode = (metadata: Pick<CaseFileMetadata, 'organId' | 'year' | 'fileNotation'>) => `${metadata.organId}.${metadata.year}.${metadata.fileNotation}`;

/** `15/QĐ-BYT` → number `15`, notation `QĐ-BYT`; a notation without a number stays whole. */
export function splitNumberAndNotation(numberAndNotation: string | null): { codeNumber: string | null; codeNotation: string | null } {
  if (!numberAndNotation) return { codeNumber: null, codeNotation: null };
  const slash = numberAndNotation.indexOf('/');
  if (slash < 0) return /^\d+$/.test(numberAndNotation) ? { codeNumber: numberAndNotation, codeNotation: null } : { codeNumber: null, codeNotation: numberAndNotation };
  return { codeNumber: numberAndNotation.slice(0, slash), codeNotation: numberAndNotation.slice(slash + 1) };
}

/**
 * The metadata XML of an archive package: the case file's eleven fields of Appendix VI
 * (FileCode{OrganId, FileCatalog, FileNotation}, Title, Maintenance, Rights, Creator, Language,
 * StartDate, EndDate, DocTotal, PageTotal, Description) and, per document, the fields of Appendix
 * VI / Circular 02/2019 (DocCode, FileCode, OrganId, FileCatalog, FileNotation, DocOrdinal,
 * TypeName, CodeNumber, CodeNotation, IssuedDate, OrganName, Subject, Language, PageAmount) with
 * the paths of its files in the package. Tag names are the law's English tags; dates ISO 8601.
 */
export function metadataXml(file: CaseFileMetadata, documents: readonly DocumentMetadata[]): string {
  const code = fileCode(file);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ArchivePackage standard="Nghị định 30/2020/NĐ-CP Phụ lục VI; Thông tư 02/2019/TT-BNV">',
    '  <File>',
    '    <FileCode>',
    element('OrganId', file.organId, '      '),
    element('FileCatalog', file.year, '      '),
    element('FileNotation', file.fileNotation, '      '),
    '    </FileCode>',
    element('Identifier', code, '    '),
    element('OrganName', file.organName, '    '),
    element('Title', file.title, '    '),
    element('Maintenance', retentionLabel(file.retention), '    '),
    element('Rights', USAGE_MODE_LABELS[file.usageMode].vi, '    '),
    element('Creator', file.keeper, '    '),
    element('Language', file.language, '    '),
    element('StartDate', file.startDate, '    '),
    element('EndDate', file.endDate, '    '),
    element('DocTotal', file.documentCount, '    '),
    element('PageTotal', file.pageCount, '    '),
    element('Description', file.description, '    '),
    '  </File>',
    '  <Documents>',
  ];
  for (const document of documents) {
    lines.push(
      `    <Document kind="${document.kind}">`,
      element('DocCode', `${code}.${String(document.ordinal).padStart(3, '0')}`, '      '),
      element('FileCode', code, '      '),
      element('OrganId', file.organId, '      '),
      element('FileCatalog', file.year, '      '),
      element('FileNotation', file.fileNotation, '      '),
      element('DocOrdinal', document.ordinal, '      '),
      element('TypeName', document.typeName, '      '),
      element('CodeNumber', document.codeNumber, '      '),
      element('CodeNotation', document.codeNotation, '      '),
      element('IssuedDate', document.issuedDate, '      '),
      element('OrganName', document.organName, '      '),
      element('Subject', document.subject, '      '),
      element('Language', file.language, '      '),
      element('PageAmount', document.pageAmount, '      '),
      '      <Files>',
      ...document.files.map((path) => element('Path', path, '        ')),
      '      </Files>',
      '    </Document>',
    );
  }
  lines.push('  </Documents>', '</ArchivePackage>', '');
  return lines.join('\n');
}
