/**
 * How many annotation writes one socket may make: a token bucket refilled over time, so that a
 * person drawing fast is never held back while a runaway or malicious client cannot flood the
 * material's room (every write reaches every viewer of it).
 */
export class WriteBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity = 30,
    private readonly perSecond = 5,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Takes one write if there is one left. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
