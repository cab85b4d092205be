import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { OutgoingDocumentSummaryDto } from '@app/contracts';
import { UsersService } from '../identity/users.service';
import type { OutgoingDocument } from './outgoing-document.entity';
import { ReviewStep } from './review-step.entity';

/** The row of a list: what the working lists show of a draft, the people named in a few queries for the whole page. */
@Injectable()
export class OutgoingSummaries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async of(documents: OutgoingDocument[]): Promise<OutgoingDocumentSummaryDto[]> {
    if (documents.length === 0) return [];
    const current = await this.dataSource.getRepository(ReviewStep).find({ where: { documentId: In(documents.map((document) => document.id)), state: 'current' } });
    const reviewerOf = new Map(current.map((step) => [step.documentId, step.reviewerId]));
    const names = await this.users.namesOf(documents.flatMap((document) => [document.drafterId, document.signerId, ...(reviewerOf.has(document.id) ? [reviewerOf.get(document.id) as string] : [])]));
    const person = (id: string) => ({ id, fullName: names.get(id) ?? '' });
    return documents.map((document) => {
      const reviewer = reviewerOf.get(document.id);
      return {
        id: document.id,
        documentType: document.documentType,
        subject: document.subject,
        urgency: document.urgency,
        confidentiality: document.confidentiality,
        state: document.state,
        drafter: person(document.drafterId),
        signer: person(document.signerId),
        currentReviewer: reviewer ? person(reviewer) : null,
        updatedAt: document.updatedAt.toISOString(),
      };
    });
  }
}
