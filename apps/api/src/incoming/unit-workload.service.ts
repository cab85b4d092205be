import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UnitWorkloadDto } from '@app/contracts';
import { IncomingListService } from './incoming-list.service';
import { OPEN_DOCUMENT_STATES, OPEN_PART_STATES } from './incoming-views';

/**
 * The leader's view of who carries the open work (GET /api/incoming-documents/workload): per
 * unit, the open documents it leads or supports, and of those how many are due within three
 * working days or already late.
 *
 * - A part given to a person counts for that person's unit.
 * - A document counts once per unit, even when the unit head passed the unit's part to one of
 *   its officers (two open parts, one piece of work); its deadline is the earliest of them.
 * - These are numbers for a leader who directs the whole agency, so confidential documents are
 *   counted too; no document is named.
 * - Cost follows the open documents (a partial index holds only them), not the whole table.
 */
@Injectable()
export class UnitWorkloadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lists: IncomingListService,
  ) {}

  async workload(): Promise<UnitWorkloadDto[]> {
    const { today, soonUntil } = await this.lists.deadlineWindow();
    const rows: { id: string; name: string; in_progress: number; due_soon: number; overdue: number }[] = await this.dataSource.query(
      // the open documents first, from the partial index that holds only them (index-only), then
      // their parts from the index by document: no row of either table is read
      `WITH open_document AS MATERIALIZED (
         SELECT id FROM incoming_document WHERE state IN ${OPEN_DOCUMENT_STATES}),
       open_work AS (
         SELECT COALESCE(part.unit_id, person.unit_id) AS unit_id, part.document_id, min(part.due_on) AS due_on
           FROM open_document
           JOIN assignment part ON part.document_id = open_document.id
           LEFT JOIN "user" person ON person.id = part.user_id
          WHERE part.state IN ${OPEN_PART_STATES} AND part.role IN ('lead', 'support')
          GROUP BY 1, 2)
       SELECT unit.id, unit.name,
              count(open_work.document_id)::int AS in_progress,
              count(*) FILTER (WHERE open_work.due_on BETWEEN $1 AND $2)::int AS due_soon,
              count(*) FILTER (WHERE open_work.due_on < $1)::int AS overdue
         FROM unit
         LEFT JOIN open_work ON open_work.unit_id = unit.id
        GROUP BY unit.id, unit.name, unit.sort_order
        ORDER BY unit.sort_order, unit.name`,
      [today, soonUntil],
    );
    return rows.map((row) => ({ unit: { id: row.id, name: row.name }, inProgress: row.in_progress, dueSoon: row.due_soon, overdue: row.overdue }));
  }
}
