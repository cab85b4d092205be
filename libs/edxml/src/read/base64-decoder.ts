/**
 * Decodes base64 text that arrives in pieces of any length, without ever holding the whole text.
 * Node's own decoder silently skips characters that are not base64, which would turn a damaged
 * payload into wrong bytes without a word; this one says where the damage is instead.
 */
const WHITESPACE = /[\s]+/g;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

export class Base64Decoder {
  private carry = '';
  private padded = false;
  failure?: string;

  /** decodes what can be decoded so far; an empty buffer once it has failed */
  push(text: string): Buffer {
    if (this.failure) return Buffer.alloc(0);
    const clean = this.carry + text.replace(WHITESPACE, '');
    const bad = NOT_BASE64.exec(clean);
    if (bad) return this.fail(`a character that is not base64 (${JSON.stringify(bad[0])})`);
    if (this.padded && clean.length > 0) return this.fail('data after the end padding');
    const usable = clean.length - (clean.length % 4);
    this.carry = clean.slice(usable);
    const whole = clean.slice(0, usable);
    const padding = whole.indexOf('=');
    if (padding !== -1) {
      // `=` may only end the text: at most two, in the last quantum
      if (padding < whole.length - 2 || !/^={1,2}$/.test(whole.slice(padding)) || this.carry.length > 0) return this.fail('padding inside the data');
      this.padded = true;
    }
    return Buffer.from(whole, 'base64');
  }

  /** call at the end of the text; false when the text was not whole base64 */
  end(): boolean {
    if (!this.failure && this.carry.length > 0) this.fail(`the text ends with ${this.carry.length} stray character(s)`);
    return !this.failure;
  }

  private fail(reason: string): Buffer {
    this.failure = reason;
    return Buffer.alloc(0);
  }
}
