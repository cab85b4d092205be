import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingFiguresDto } from '@app/contracts';
import { meetingNotFound } from '../meeting-errors';

/**
 * Figures per meeting for the leaders' dashboard: planned vs actual duration, attendance, and the
 * pages of paper not printed — the pages of the latest published version of each material times
 * the participants (each would have had a printed copy). The dashboard calls `of`/`forMeetings`.
 */
@Injectable()
export class MeetingFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(meetingId: string): Promise<MeetingFiguresDto> {
    const [figures] = await this.forMeetings([meetingId]);
    if (!figures) throw meetingNotFound();
    return figures;
  }

  /** The figures of the meetings held (ended) between two instants, for a period on the dashboard. */
  async forPeriod(from: Date, to: Date): Promise<MeetingFiguresDto[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM meeting WHERE state = 'ended' AND starts_at >= $1 AND starts_at < $2 ORDER BY starts_at`, [from, to]);
    return this.forMeetings(rows.map((row) => row.id));
  }

  /** The figures of many meetings in one query (e.g. a month's for the dashboard). */
  async forMeetings(meetingIds: readonly string[]): Promise<MeetingFiguresDto[]> {
    if (!meetingIds.length) return [];
    const rows: { id: string; planned: string; actual: string | null; participants: string; present: string; pages: string }[] = await this.dataSource.query(
      `SELECT meeting.id,
              ROUND(EXTRACT(EPOCH FROM (meeting.ends_at - meeting.starts_at)) / 60) AS planned,
              CASE WHEN meeting.started_at IS NOT NULL AND meeting.ended_at IS NOT NULL
                   THEN ROUND(EXTRACT(EPOCH FROM (meeting.ended_at - meeting.started_at)) / 60) END AS actual,
              (SELECT COUNT(*) FROM meeting_participant participant WHERE participant.meeting_id = meeting.id) AS participants,
              (SELECT COUNT(*) FROM meeting_check_in check_in WHERE check_in.meeting_id = meeting.id) AS present,
              (SELECT COALESCE(SUM(latest.page_count), 0) FROM (
                 SELECT DISTINCT ON (version.material_id) version.page_count
                   FROM meeting_material_version version JOIN meeting_material material ON material.id = version.material_id
                  WHERE material.meeting_id = meeting.id AND version.published_at IS NOT NULL
                  ORDER BY version.material_id, version.number DESC) latest) AS pages
         FROM meeting WHERE meeting.id = ANY($1::uuid[])`,
      [meetingIds],
    );
    return rows.map((row) => {
      const participants = Number(row.participants);
      const present = Number(row.present);
      const pages = Number(row.pages);
      return {
        meetingId: row.id,
        plannedMinutes: Number(row.planned),
        actualMinutes: row.actual === null ? null : Number(row.actual),
        participants,
        present,
        attendanceRate: participants ? present / participants : 0,
        materialPages: pages,
        pagesNotPrinted: pages * participants,
      };
    });
  }
}
