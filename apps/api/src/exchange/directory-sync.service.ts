import { Injectable, Logger } from '@nestjs/common';
import { ORGAN_ID_PATTERN } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { OrgansService } from '../organs/organs.service';
import { AxisConnection } from './axis/axis-connection';
import { DirectorySyncResultDto } from './dto/exchange.dto';
import { axisNotConfigured } from './exchange-errors';

/**
 * The organ directory from the axis (getAgenciesList): agencies we do not have are added, names and
 * contacts of those we have are brought up to date, through the organ directory's own service (its
 * checks and audit). Nothing is removed: an agency gone from the axis may still be in our papers.
 */
@Injectable()
export class DirectorySyncService {
  private readonly logger = new Logger('ExchangeDirectory');

  constructor(
    private readonly axis: AxisConnection,
    private readonly organs: OrgansService,
  ) {}

  async synchronise(actor: AuthenticatedUser): Promise<DirectorySyncResultDto> {
    if (!this.axis.client) throw axisNotConfigured();
    const result = { added: 0, updated: 0, unchanged: 0 };
    for (const agency of await this.axis.client.agencies()) {
      const organId = (agency.code || agency.id || '').trim();
      const name = (agency.name ?? '').trim().slice(0, 300);
      if (!ORGAN_ID_PATTERN.test(organId) || name.length < 2) {
        this.logger.warn({ organId }, 'an agency of the axis with an id or name our directory cannot hold');
        result.unchanged++;
        continue;
      }
      const fields = { name, parentOrganId: ORGAN_ID_PATTERN.test(agency.pcode?.trim() ?? '') ? agency.pcode.trim() : null, email: agency.mail?.trim() || null, phone: agency.mobile?.trim().slice(0, 50) || null };
      const known = await this.organs.findByOrganId(organId);
      if (!known) {
        await this.organs.create({ organId, ...fields }, actor);
        result.added++;
      } else if (known.name !== fields.name || (known.parentOrganId ?? null) !== fields.parentOrganId || (known.email ?? null) !== fields.email || (known.phone ?? null) !== fields.phone) {
        await this.organs.update(known.id, { ...fields, version: known.version }, actor);
        result.updated++;
      } else result.unchanged++;
    }
    return result;
  }
}
