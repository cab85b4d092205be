import { OutgoingDocumentDto } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { replacementDefaults } from './replacement-defaults';

describe('replacementDefaults', () => {
  it('starts the replacement with the same form, signer and recipients', () => {
    const replaced = {
      documentType: 'decision',
      urgency: 'urgent',
      confidentiality: 'normal',
      subject: 'Quyết định về phụ cấp',
      signer: { id: 'leader', fullName: 'Phạm Quốc Hùng' },
      recipientsText: null,
      recipients: [
        { kind: 'unit', id: 'vp', name: 'Văn phòng', status: 'delivered', deliveredAt: null, incomingDocumentId: 'in1' },
        { kind: 'organ', id: 'org', name: 'Sở Y tế Hà Nội', status: 'waiting_for_axis', deliveredAt: null, incomingDocumentId: null },
      ],
    } as unknown as OutgoingDocumentDto;
    expect(replacementDefaults(replaced)).toEqual({
      classification: { documentType: 'decision', urgency: 'urgent', confidentiality: 'normal' },
      subject: 'Quyết định về phụ cấp',
      signerId: 'leader',
      recipientUnitIds: ['vp'],
      organs: [{ id: 'org', name: 'Sở Y tế Hà Nội' }],
      recipientsText: '',
    });
  });
});
