import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OnlineShareRow } from '@app/contracts';
import { UnitsService } from '../../identity/units.service';

export interface OnlineShareQuery {
  /** first year, inclusive */
  from: number;
  /** last year, inclusive */
  to: number;
  unitId?: string;
}

/**
 * The share of case files processed online (tỷ lệ hồ sơ công việc xử lý trên môi trường mạng, a
 * target of the e-government plans: 80–90 %), by the keeper's unit and the year the file was
 * opened. A case file counts as processed online when it is kept in the system (`electronic`);
 * paper files recorded for the plan count in the total only. Exported for the dashboard.
 */
@Injectable()
export class CaseFileFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
  ) {}

  async onlineShare(query: OnlineShareQuery): Promise<OnlineShareRow[]> {
    const rows: { unit_id: string | null; year: number; total: number; online: number }[] = await this.dataSource.query(
      `SELECT unit_id, year, count(*)::int AS total, count(*) FILTER (WHERE medium = 'electronic')::int AS online
         FROM case_file
        WHERE year BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR unit_id = $3::uuid)
        GROUP BY unit_id, year`,
      [query.from, query.to, query.unitId ?? null],
    );
    const names = new Map((await this.units.list()).map((unit) => [unit.id, unit.name]));
    return rows
      .map((row) => ({
        unitId: row.unit_id,
        unitName: row.unit_id ? (names.get(row.unit_id) ?? null) : null,
        year: row.year,
        total: row.total,
        online: row.online,
        share: row.total ? row.online / row.total : 0,
      }))
      .sort((a, b) => a.year - b.year || (a.unitName ?? '\uffff').localeCompare(b.unitName ?? '\uffff', 'vi'));
  }
}
