export type RegisterDirection = 'incoming' | 'outgoing';

export interface DocumentRegisterDto {
  id: string;
  code: string;
  name: string;
  direction: RegisterDirection;
  confidential: boolean;
  active: boolean;
  sortOrder: number;
  version: number;
}

export interface CreateDocumentRegisterRequest {
  code: string;
  name: string;
  direction: RegisterDirection;
  confidential?: boolean;
  sortOrder?: number;
}

export interface UpdateDocumentRegisterRequest {
  name?: string;
  active?: boolean;
  sortOrder?: number;
  version: number;
}
