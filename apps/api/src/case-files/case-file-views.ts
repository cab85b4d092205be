import { Injectable } from '@nestjs/common';
import type { CaseFileDocumentDto, CaseFileSummaryDto, PersonRef } from '@app/contracts';
import { UnitsService } from '../identity/units.service';
import { UsersService } from '../identity/users.service';
import type { CaseFileDocument } from './case-file-document.entity';
import type { CaseFile } from './case-file.entity';
import { handoverDueOn, toRetention } from './retention';

/** Turns rows into what the API answers: names of people and units looked up once per answer. */
@Injectable()
export class CaseFileViews {
  constructor(
    private readonly users: UsersService,
    private readonly units: UnitsService,
  ) {}

  async people(ids: (string | null | undefined)[]): Promise<(id: string | null) => PersonRef | null> {
    const names = await this.users.namesOf(ids.filter((id): id is string => Boolean(id)));
    return (id) => (id ? { id, fullName: names.get(id) ?? '' } : null);
  }

  async summaries(files: CaseFile[]): Promise<CaseFileSummaryDto[]> {
    const person = await this.people(files.map((file) => file.keeperId));
    const units = new Map((await this.units.list()).map((unit) => [unit.id, unit.name]));
    return files.map((file) => ({
      id: file.id,
      year: file.year,
      code: file.code,
      title: file.title,
      retention: toRetention(file.retentionYears),
      usageMode: file.usageMode,
      medium: file.medium,
      keeper: person(file.keeperId) as PersonRef,
      unit: file.unitId ? { id: file.unitId, name: units.get(file.unitId) ?? '' } : null,
      startDate: file.startDate,
      endDate: file.endDate,
      state: file.state,
      documentCount: file.documentCount,
      pageCount: file.pageCount,
      handoverDueOn: file.state === 'closed' ? handoverDueOn(file.endDate, file.retentionYears) : null,
      updatedAt: file.updatedAt.toISOString(),
    }));
  }

  /**
   * A confidential document is shown in full only to the person who linked it; to anyone else who
   * sees the case file (a colleague, the unit head) only that a confidential document is there.
   */
  async documents(rows: CaseFileDocument[], viewer: { id: string }): Promise<CaseFileDocumentDto[]> {
    const person = await this.people(rows.map((row) => row.addedById));
    return rows.map((row) => (row.confidential && row.addedById !== viewer.id ? redacted(row, person(row.addedById)) : {
      id: row.id,
      kind: row.kind,
      documentId: row.documentId,
      position: row.position,
      title: row.title,
      numberAndNotation: row.numberAndNotation,
      documentDate: row.documentDate,
      typeName: row.typeName,
      author: row.author,
      pageCount: row.pageCount,
      final: row.final,
      files: row.files,
      addedBy: person(row.addedById),
      addedAt: row.addedAt.toISOString(),
    }));
  }
}

function redacted(row: CaseFileDocument, addedBy: PersonRef | null): CaseFileDocumentDto {
  return {
    id: row.id,
    kind: row.kind,
    documentId: null,
    position: row.position,
    title: 'Văn bản mật',
    numberAndNotation: null,
    documentDate: row.documentDate,
    typeName: null,
    author: null,
    pageCount: row.pageCount,
    final: row.final,
    files: [],
    addedBy,
    addedAt: row.addedAt.toISOString(),
  };
}
