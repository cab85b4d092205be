import { Entity, PrimaryColumn } from 'typeorm';

/** A user named on a material whose access is `named`. */
@Entity()
export class MeetingMaterialReader {
  @PrimaryColumn({ type: 'uuid' })
  materialId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;
}
