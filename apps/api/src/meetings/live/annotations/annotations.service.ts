import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AnnotationDto, AnnotationRemovedEvent, JoinMaterialResult } from '@app/contracts';
import { Clock } from '../../../platform/clock/clock';
import { versionConflict } from '../../../platform/errors/app-exception';
import { MeetingAccessService, MeetingCaller } from '../../access/meeting-access.service';
import { annotationNotFound, checkedInput, invalidAnnotation, notTheAuthor, pageOutOfRange } from '../live-errors';
import { AnnotationChanges, checkMerged, parseCreate, parseDelete, parseUpdate } from './annotation-command';
import { ShapeProblem, quoteOf } from './annotation-shape';
import { MeetingAnnotation } from './meeting-annotation.entity';
import { MeetingAnnotationRevision } from './meeting-annotation-revision.entity';

export type AnnotationCaller = MeetingCaller & { fullName: string };

/** What a write did, for the gateway to tell the right sockets. */
export type AnnotationWrite =
  | { kind: 'changed'; annotation: AnnotationDto; /** it was shared before and is private now: the others must drop it */ unshared: boolean }
  | { kind: 'removed'; removed: AnnotationRemovedEvent; visibility: 'private' | 'shared'; authorId: string };

const NEXT_CHANGE = `nextval('meeting_annotation_change')`;

/**
 * Annotations on material versions: the server is the authority. Every command is checked (the
 * caller may read the material now; only the author changes an annotation; the version they saw
 * is still the current one), written with its revision in one transaction, and only then told to
 * the gateway. Private annotations are never read by anyone but their author.
 */
@Injectable()
export class AnnotationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly clock: Clock,
  ) {}

  async create(user: AnnotationCaller, input: unknown): Promise<AnnotationWrite> {
    const command = checkedInput(() => parseCreate(input));
    const { version, material } = await this.access.requireMaterialVersion(command.materialVersionId, user);
    if (command.pageIndex >= version.pageCount) throw pageOutOfRange(version.pageCount);
    const now = this.clock.now();
    const annotation = Object.assign(new MeetingAnnotation(), {
      meetingId: material.meetingId,
      materialVersionId: version.id,
      materialSha256: version.sha256,
      pageIndex: command.pageIndex,
      kind: command.shape.kind,
      shape: command.shape,
      quote: quoteOf(command.shape),
      color: command.color,
      comment: command.comment,
      visibility: command.visibility,
      authorId: user.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    // the annotation and its first revision in one statement: one round trip on the path every live drawing takes
    const [row] = await this.dataSource.query(
      `WITH created AS (
         INSERT INTO meeting_annotation (meeting_id, material_version_id, material_sha256, page_index, kind, shape, quote, color, comment, visibility, author_id, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id, change),
       revision AS (
         INSERT INTO meeting_annotation_revision (annotation_id, version, action, shape, color, comment, visibility, by_id, at)
         SELECT id, 1, 'create', $6, $8, $9, $10, $11, $12 FROM created)
       SELECT id, change::text AS change FROM created`,
      [annotation.meetingId, annotation.materialVersionId, annotation.materialSha256, annotation.pageIndex, annotation.kind, JSON.stringify(annotation.shape), annotation.quote, annotation.color, annotation.comment, annotation.visibility, user.id, now],
    );
    Object.assign(annotation, { id: row.id, change: row.change });
    return { kind: 'changed', annotation: toDto(annotation, user.fullName), unshared: false };
  }

  async update(user: AnnotationCaller, input: unknown): Promise<AnnotationWrite> {
    const command = checkedInput(() => parseUpdate(input));
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwn(manager, user, command.id, command.version);
      const changes: AnnotationChanges = command.changes;
      const wasShared = row.visibility === 'shared';
      const shape = changes.shape ?? row.shape;
      const comment = changes.comment !== undefined ? changes.comment : row.comment;
      checkedInput(() => checkMerged(shape, comment));
      if (changes.shape && changes.shape.kind !== row.kind)
        throw invalidAnnotation(new ShapeProblem('Không đổi được loại của ghi chú.', 'An annotation cannot change its kind.'));
      Object.assign(row, {
        shape,
        quote: quoteOf(shape),
        comment,
        color: changes.color ?? row.color,
        visibility: changes.visibility ?? row.visibility,
        version: row.version + 1,
        updatedAt: this.clock.now(),
      });
      await this.save(manager, row);
      await this.revise(manager, row, 'update', user.id, row.updatedAt);
      return { kind: 'changed', annotation: toDto(row, user.fullName), unshared: wasShared && row.visibility === 'private' } as const;
    });
  }

  async remove(user: AnnotationCaller, input: unknown): Promise<AnnotationWrite> {
    const command = checkedInput(() => parseDelete(input));
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwn(manager, user, command.id, command.version);
      row.version += 1;
      row.updatedAt = this.clock.now();
      row.deletedAt = row.updatedAt;
      await this.save(manager, row);
      await this.revise(manager, row, 'delete', user.id, row.updatedAt);
      return { kind: 'removed', removed: { id: row.id, materialVersionId: row.materialVersionId, change: row.change }, visibility: row.visibility, authorId: row.authorId } as const;
    });
  }

  /** The annotations of a version the caller sees (REST): the same as a material join answers. */
  async forViewer(user: MeetingCaller, materialVersionId: string, afterChange: string | null): Promise<JoinMaterialResult> {
    await this.access.requireMaterialVersion(materialVersionId, user);
    return this.visibleOn(user.id, materialVersionId, afterChange);
  }

  /**
   * What a viewer of one version shows (the caller's right to read it already checked): the shared
   * annotations and the caller's own. With `afterChange` (a reconnection), only what changed since,
   * and the ones that left the caller's sight since (deleted, or made private) as removals.
   */
  async visibleOn(userId: string, materialVersionId: string, afterChange: string | null): Promise<JoinMaterialResult> {
    const rows = await this.dataSource
      .getRepository(MeetingAnnotation)
      .createQueryBuilder('annotation')
      .innerJoin('annotation.author', 'author')
      .addSelect('author.fullName', 'authorName')
      .addSelect(`EXISTS (SELECT 1 FROM meeting_annotation_revision revision WHERE revision.annotation_id = annotation.id AND revision.visibility = 'shared')`, 'everShared')
      .where('annotation.materialVersionId = :materialVersionId', { materialVersionId })
      .andWhere(afterChange === null ? 'annotation.deletedAt IS NULL' : 'annotation.change > :afterChange', { afterChange })
      .orderBy('annotation.change', 'ASC')
      .getRawAndEntities();
    const [last] = await this.dataSource.query(`SELECT coalesce(max(change), 0)::text AS change FROM meeting_annotation WHERE material_version_id = $1`, [materialVersionId]);
    const annotations: AnnotationDto[] = [];
    const removed: AnnotationRemovedEvent[] = [];
    rows.entities.forEach((row, index) => {
      const visible = row.visibility === 'shared' || row.authorId === userId;
      if (visible && !row.deletedAt) annotations.push(toDto(row, rows.raw[index].authorName as string));
      // someone else's annotation that was never shared was never seen: not even its id is told
      else if (afterChange !== null && (row.authorId === userId || rows.raw[index].everShared)) removed.push({ id: row.id, materialVersionId: row.materialVersionId, change: row.change });
    });
    return { materialVersionId, annotations, removed, lastChange: last.change as string };
  }

  /** The caller's own live annotation, locked, at the version they saw; 404 for one they may not see, 403 for another's shared one. */
  private async lockOwn(manager: EntityManager, user: AnnotationCaller, id: string, version: number): Promise<MeetingAnnotation> {
    const row = await manager.getRepository(MeetingAnnotation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row || row.deletedAt || (row.visibility === 'private' && row.authorId !== user.id)) throw annotationNotFound();
    await this.access.requireMaterialVersion(row.materialVersionId, user);
    if (row.authorId !== user.id) throw notTheAuthor();
    if (row.version !== version) throw versionConflict('Ghi chú', 'The annotation');
    return row;
  }

  private async save(manager: EntityManager, row: MeetingAnnotation): Promise<void> {
    const [result] = await manager.query(
      `UPDATE meeting_annotation SET shape = $2, quote = $3, color = $4, comment = $5, visibility = $6, version = $7, updated_at = $8, deleted_at = $9, change = ${NEXT_CHANGE}
        WHERE id = $1 RETURNING change::text AS change`,
      [row.id, JSON.stringify(row.shape), row.quote, row.color, row.comment, row.visibility, row.version, row.updatedAt, row.deletedAt],
    );
    row.change = result.change;
  }

  private async revise(manager: EntityManager, row: MeetingAnnotation, action: 'update' | 'delete', byId: string, at: Date): Promise<void> {
    await manager.getRepository(MeetingAnnotationRevision).insert({ annotationId: row.id, version: row.version, action, shape: row.shape, color: row.color, comment: row.comment, visibility: row.visibility, byId, at });
  }
}

export function toDto(row: MeetingAnnotation, authorName: string): AnnotationDto {
  return {
    id: row.id,
    materialVersionId: row.materialVersionId,
    materialSha256: row.materialSha256,
    pageIndex: row.pageIndex,
    shape: row.shape,
    color: row.color,
    comment: row.comment,
    visibility: row.visibility,
    author: { id: row.authorId, fullName: authorName },
    version: row.version,
    change: row.change,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
