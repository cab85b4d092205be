import type { AnnotationShape, AnnotationVisibility, CreateAnnotationCommand, DeleteAnnotationCommand } from '@app/contracts';
import { isRecord, parseAnnotationShape, ShapeProblem } from './annotation-shape';

export const COMMENT_MAX_LENGTH = 2_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLOR = /^#[0-9a-f]{6}$/i;

export interface AnnotationChanges {
  shape?: AnnotationShape;
  color?: string;
  comment?: string | null;
  visibility?: AnnotationVisibility;
}

/** A command's body: an object, or a 400. */
export function commandBody(input: unknown): Record<string, unknown> {
  if (!isRecord(input)) throw new ShapeProblem('Yêu cầu không hợp lệ.', 'The request is not valid.');
  return input;
}

export function uuid(value: unknown, name: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new ShapeProblem(`Mã ${name} không hợp lệ.`, `The ${name} id is not valid.`);
  return value.toLowerCase();
}

function version(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new ShapeProblem('Thiếu phiên bản của ghi chú.', 'The annotation version is missing.');
  return value;
}

function color(value: unknown): string {
  if (typeof value !== 'string' || !COLOR.test(value)) throw new ShapeProblem('Màu phải có dạng #rrggbb.', 'The colour must look like #rrggbb.');
  return value.toLowerCase();
}

function comment(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new ShapeProblem('Lời ghi chú không hợp lệ.', 'The comment is not valid.');
  const text = value.trim();
  if (text.length > COMMENT_MAX_LENGTH) throw new ShapeProblem(`Lời ghi chú dài quá ${COMMENT_MAX_LENGTH} ký tự.`, `The comment is longer than ${COMMENT_MAX_LENGTH} characters.`);
  return text || null;
}

function visibility(value: unknown): AnnotationVisibility {
  if (value !== 'private' && value !== 'shared') throw new ShapeProblem('Phạm vi phải là riêng tư hoặc chia sẻ.', 'Visibility must be private or shared.');
  return value;
}

/** A sticky note is its text: one without a comment says nothing. */
function requireNoteText(shape: AnnotationShape, text: string | null): void {
  if (shape.kind === 'note' && !text) throw new ShapeProblem('Ghi chú dán phải có nội dung.', 'A sticky note needs a text.');
}

/** Checks a create command field by field; throws ShapeProblem with what is wrong. */
export function parseCreate(body: unknown): CreateAnnotationCommand & { comment: string | null } {
  const input = commandBody(body);
  const pageIndex = input.pageIndex;
  if (typeof pageIndex !== 'number' || !Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex > 100_000)
    throw new ShapeProblem('Số trang không hợp lệ.', 'The page index is not valid.');
  const shape = parseAnnotationShape(input.shape);
  const text = comment(input.comment);
  requireNoteText(shape, text);
  return {
    materialVersionId: uuid(input.materialVersionId, 'phiên bản tài liệu'),
    pageIndex,
    shape,
    color: color(input.color),
    comment: text,
    visibility: visibility(input.visibility),
  };
}

export function parseUpdate(body: unknown): { id: string; version: number; changes: AnnotationChanges } {
  const input = commandBody(body);
  const changes: AnnotationChanges = {};
  if (input.shape !== undefined) changes.shape = parseAnnotationShape(input.shape);
  if (input.color !== undefined) changes.color = color(input.color);
  if (input.comment !== undefined) changes.comment = comment(input.comment);
  if (input.visibility !== undefined) changes.visibility = visibility(input.visibility);
  if (Object.keys(changes).length === 0) throw new ShapeProblem('Không có thay đổi nào.', 'Nothing to change.');
  return { id: uuid(input.id, 'ghi chú'), version: version(input.version), changes };
}

export function parseDelete(body: unknown): DeleteAnnotationCommand {
  const input = commandBody(body);
  return { id: uuid(input.id, 'ghi chú'), version: version(input.version) };
}

/** After an update, the note rule holds for the annotation as it will be. */
export function checkMerged(shape: AnnotationShape, text: string | null): void {
  requireNoteText(shape, text);
}
