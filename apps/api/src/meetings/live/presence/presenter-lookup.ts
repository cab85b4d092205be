import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Whether a user presents an item of the meeting's agenda (and so may lead the page, as the chair does). */
@Injectable()
export class PresenterLookup {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async presents(meetingId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM meeting_agenda_item WHERE meeting_id = $1 AND presenter_id = $2 LIMIT 1`, [meetingId, userId]);
    return rows.length > 0;
  }
}
