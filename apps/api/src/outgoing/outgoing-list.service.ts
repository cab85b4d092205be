import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutgoingDocumentSummaryDto, Page } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { decodeCursor, encodeCursor } from '../platform/database/cursor';
import { OutgoingListQueryDto } from './dto/outgoing-draft.dto';
import { OutgoingDocument } from './outgoing-document.entity';
import { OutgoingSummaries } from './outgoing-summaries';
import { restrictToVisible } from './outgoing-visibility';

const DEFAULT_PAGE = 50;

/**
 * The working lists of outgoing documents, newest change first, keyset-paginated on
 * (updated_at, id): "my drafts", "waiting for me" (my turn on a chain, or my draft returned to me),
 * "approved" (approved or ready to sign, among those the caller sees), "to_issue" (signed, waiting
 * for a clerk to number and issue it).
 */
@Injectable()
export class OutgoingListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly summaries: OutgoingSummaries,
  ) {}

  async list(query: OutgoingListQueryDto, user: AuthenticatedUser): Promise<Page<OutgoingDocumentSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const builder = this.dataSource
      .getRepository(OutgoingDocument)
      .createQueryBuilder('document')
      .orderBy('document.updated_at', 'DESC')
      .addOrderBy('document.id', 'DESC')
      .take(limit + 1);
    switch (query.view ?? 'mine') {
      case 'mine':
        builder.andWhere('document.drafter_id = :me', { me: user.id });
        break;
      case 'waiting':
        builder.andWhere(
          `((document.drafter_id = :me AND document.state = 'returned')
            OR EXISTS (SELECT 1 FROM review_step my_turn WHERE my_turn.document_id = document.id AND my_turn.reviewer_id = :me AND my_turn.state = 'current'))`,
          { me: user.id },
        );
        break;
      case 'approved':
        builder.andWhere(`document.state IN ('approved', 'form_checked')`);
        break;
      case 'to_issue':
        // signed, waiting for a number: the clerks' list (others see only what they could see anyway)
        builder.andWhere(`document.state = 'signed'`);
        break;
    }
    restrictToVisible(builder, 'document', user);
    const after = parseCursor(query.cursor);
    if (after) builder.andWhere('(document.updated_at, document.id) < (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    const rows = await builder.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.summaries.of(page),
      nextCursor: rows.length > limit ? encodeCursor(`${last.updatedAt.toISOString()}|${last.id}`) : null,
    };
  }
}

/** A cursor this service made; anything else is ignored (the first page), never an error deep in SQL. */
function parseCursor(cursor: string | undefined): { at: string; id: string } | null {
  const key = decodeCursor(cursor);
  const match = key?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([0-9a-f-]{36})$/i);
  return match ? { at: match[1], id: match[2] } : null;
}
