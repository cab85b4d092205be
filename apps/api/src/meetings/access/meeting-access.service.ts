import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Meeting } from '../entities/meeting.entity';
import { MeetingMaterial } from '../entities/meeting-material.entity';
import { MeetingMaterialReader } from '../entities/meeting-material-reader.entity';
import { MeetingMaterialVersion } from '../entities/meeting-material-version.entity';
import { MeetingParticipant } from '../entities/meeting-participant.entity';
import { materialNotForYou, materialVersionNotFound, meetingNotFound, notAParticipant, notManager } from '../meeting-errors';
import { MeetingMembership, membershipOf } from './meeting-membership';

export type MeetingCaller = Pick<AuthenticatedUser, 'id' | 'username' | 'unitId'>;

/** A material version with what decides who may read it. */
export interface MaterialVersionAccess {
  version: MeetingMaterialVersion;
  material: MeetingMaterial;
  membership: MeetingMembership;
}

/**
 * Who may take part in a meeting and read its materials — the one place that decides it, for HTTP
 * and for socket room joins alike:
 * - a meeting's participants are its user rows, the members of its unit rows, the delegates named
 *   in answers, and its organiser; only they join its room or read its materials;
 * - a material version is read by the meeting's managers (chair, secretaries, organiser) at once,
 *   and by the other participants once it is published — all of them, or only the users named on
 *   the material (and their delegates);
 * - a confidential meeting is not even shown to anyone else (`canReadMeeting`).
 * A refusal is audited (`permission.denied`, in a transaction of its own so the 403 does not roll it back).
 */
@Injectable()
export class MeetingAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The caller's membership, or 403 (audited) when they take no part in it, 404 when there is no such meeting. */
  async requireParticipant(meetingId: string, user: MeetingCaller, manager?: EntityManager, options: { lock?: boolean } = {}): Promise<MeetingMembership> {
    const membership = await this.membership(meetingId, user, manager, options);
    if (membership.participants.length || membership.manages) return membership;
    await this.refuse(user, 'meeting', meetingId);
    throw notAParticipant();
  }

  /** As requireParticipant, for the chair, a secretary or the organiser only. */
  async requireManager(meetingId: string, user: MeetingCaller, manager?: EntityManager, options: { lock?: boolean } = {}): Promise<MeetingMembership> {
    const membership = await this.requireParticipant(meetingId, user, manager, options);
    if (!membership.manages) throw notManager();
    return membership;
  }

  /** Whether the user takes part in the meeting (no audit; for a quiet check such as a room join that audits itself). */
  async isParticipant(meetingId: string, user: MeetingCaller): Promise<boolean> {
    try {
      const membership = await this.membership(meetingId, user);
      return membership.participants.length > 0 || membership.manages;
    } catch {
      return false;
    }
  }

  /**
   * The caller's membership whatever it is (possibly none): 404 when the meeting does not exist.
   * Pass `lock` to hold the meeting's row for a change in the caller's transaction.
   */
  async membership(meetingId: string, user: MeetingCaller, manager: EntityManager = this.dataSource.manager, options: { lock?: boolean } = {}): Promise<MeetingMembership> {
    const query = manager.getRepository(Meeting).createQueryBuilder('meeting').where('meeting.id = :meetingId', { meetingId });
    const meeting = await (options.lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!meeting) throw meetingNotFound();
    const participants = await manager
      .getRepository(MeetingParticipant)
      .createQueryBuilder('participant')
      .where('participant.meetingId = :meetingId', { meetingId })
      .andWhere(
        new Brackets((who) => {
          who.where('participant.userId = :userId', { userId: user.id }).orWhere('participant.delegateId = :userId');
          if (user.unitId) who.orWhere('participant.unitId = :unitId', { unitId: user.unitId });
        }),
      )
      .getMany();
    return membershipOf(meeting, user.id, participants);
  }

  /** Whether the user may see the meeting at all: everyone for an ordinary one (the agency's weekly schedule), participants for a confidential one. */
  async canReadMeeting(meetingId: string, user: MeetingCaller): Promise<MeetingMembership> {
    const membership = await this.membership(meetingId, user);
    if (!membership.meeting.confidential || membership.participants.length || membership.manages) return membership;
    await this.refuse(user, 'meeting', meetingId);
    throw notAParticipant();
  }

  /** Whether the user may read this material version (no audit: for lists and quiet checks). */
  async canSeeMaterial(materialVersionId: string, user: MeetingCaller): Promise<boolean> {
    const found = await this.materialAccess(materialVersionId, user);
    return found !== null && (await this.allowed(found));
  }

  /** The material version if the user may read it; 403 (audited) if not, 404 if there is no such version. */
  async requireMaterialVersion(materialVersionId: string, user: MeetingCaller): Promise<MaterialVersionAccess> {
    const found = await this.materialAccess(materialVersionId, user);
    if (!found) throw materialVersionNotFound();
    if (await this.allowed(found)) return found;
    await this.refuse(user, 'meeting_material_version', materialVersionId);
    throw found.membership.participants.length ? materialNotForYou() : notAParticipant();
  }

  /** The ids of the material versions of a meeting the user may read (for lists and joins). */
  async readableVersionIds(meetingId: string, user: MeetingCaller): Promise<Set<string>> {
    const membership = await this.membership(meetingId, user);
    const rows: { id: string; published: boolean; access: string; named: boolean }[] = await this.dataSource.query(
      `SELECT version.id, version.published_at IS NOT NULL AS published, material.access,
              EXISTS (SELECT 1 FROM meeting_material_reader reader WHERE reader.material_id = material.id AND reader.user_id = ANY($2::uuid[])) AS named
         FROM meeting_material_version version JOIN meeting_material material ON material.id = version.material_id
        WHERE material.meeting_id = $1`,
      [meetingId, readerIdsOf(membership)],
    );
    const allowed = new Set<string>();
    if (!membership.participants.length && !membership.manages) return allowed;
    for (const row of rows) if (membership.manages || (row.published && (row.access === 'all_participants' || row.named || membership.chairs))) allowed.add(row.id);
    return allowed;
  }

  private async materialAccess(materialVersionId: string, user: MeetingCaller): Promise<MaterialVersionAccess | null> {
    const version = await this.dataSource.getRepository(MeetingMaterialVersion).findOne({ where: { id: materialVersionId }, relations: { material: true } });
    if (!version?.material) return null;
    const membership = await this.membership(version.material.meetingId, user);
    return { version, material: version.material, membership };
  }

  private async allowed({ version, material, membership }: MaterialVersionAccess): Promise<boolean> {
    if (membership.manages) return true;
    if (!membership.participants.length || !version.publishedAt) return false;
    if (material.access === 'all_participants' || membership.chairs) return true;
    const named = await this.dataSource.getRepository(MeetingMaterialReader).createQueryBuilder('reader')
      .where('reader.materialId = :materialId', { materialId: material.id })
      .andWhere('reader.userId IN (:...ids)', { ids: readerIdsOf(membership) })
      .getExists();
    return named;
  }

  private async refuse(user: MeetingCaller, entityType: string, entityId: string): Promise<void> {
    await this.audit.record({ action: 'permission.denied', actor: user, outcome: 'denied', entityType, entityId });
  }
}

/** A named material is read by the users named and by the delegates of named participants. */
function readerIdsOf(membership: MeetingMembership): string[] {
  const ids = new Set<string>([membership.userId]);
  for (const participant of membership.participants) if (participant.userId && participant.delegateId === membership.userId) ids.add(participant.userId);
  return [...ids];
}
