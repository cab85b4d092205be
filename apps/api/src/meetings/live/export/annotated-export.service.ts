import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditService } from '../../../audit/audit.service';
import { FilesService } from '../../../files/files.service';
import type { AuthenticatedUser } from '../../../identity/auth/authenticated-user';
import { MeetingAccessService } from '../../access/meeting-access.service';
import { AnnotationsService } from '../annotations/annotations.service';
import { flattenAnnotations } from './annotation-flattening';

async function bytesOf(stream: Readable): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

/**
 * A member's copy of a material with the annotations they see (their own, private ones included,
 * and the shared ones) drawn into the PDF — to read offline or print. Only for those who may read
 * the version (403 audited otherwise); the download of the original and the export are audited.
 */
@Injectable()
export class AnnotatedExportService {
  constructor(
    private readonly access: MeetingAccessService,
    private readonly files: FilesService,
    private readonly annotations: AnnotationsService,
    private readonly audit: AuditService,
  ) {}

  async export(versionId: string, user: AuthenticatedUser): Promise<{ bytes: Uint8Array; fileName: string }> {
    const { version, material } = await this.access.requireMaterialVersion(versionId, user);
    const file = await this.files.findById(version.fileId);
    const original = await bytesOf(await this.files.open(file, user));
    const { annotations } = await this.annotations.visibleOn(user.id, versionId, null);
    const bytes = await flattenAnnotations(original, annotations);
    await this.audit.record({
      action: 'meeting_material.annotated_export',
      actor: user,
      entityType: 'meeting_material_version',
      entityId: versionId,
      details: { meetingId: material.meetingId, sha256: version.sha256, annotations: annotations.length },
    });
    return { bytes, fileName: `tai-lieu-hop-ban-${version.number}-co-ghi-chu.pdf` };
  }
}
