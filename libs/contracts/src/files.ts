export interface StoredFileDto {
  id: string;
  /** the name given by the uploader, for display and download only */
  originalName: string;
  /** detected from the bytes, never from the name */
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdById: string | null;
}

/** Media types accepted for upload by default (documents, scans, office files, archives of them). */
export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'application/xml',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'text/plain',
] as const;
