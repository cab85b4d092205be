import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { ErrorCode } from '@app/contracts';
import { badRequest } from '../../platform/errors/app-exception';

/** OWASP's argon2id setting: 19 MiB, 2 passes. */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  /** Compared against when the user does not exist, so both paths take the same time. */
  private readonly decoy = argon2.hash('decoy password that never matches', HASH_OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, HASH_OPTIONS);
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }

  /** At least 8 characters with a letter and a digit; the common minimum for government systems. */
  assertStrong(password: string): void {
    if (password.length < 8 || !/\p{L}/u.test(password) || !/\d/.test(password))
      throw badRequest(
        ErrorCode.ValidationFailed,
        'Mật khẩu cần ít nhất 8 ký tự, có cả chữ và số.',
        'The password needs at least 8 characters, with letters and digits.',
        [{ field: 'password', problems: ['weak'] }],
      );
  }
}
