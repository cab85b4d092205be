/**
 * Runs the tasks given for one key one after another, in this process. Issuances in one register
 * wait for the register's counter row anyway; queueing them here first keeps the waiting ones from
 * each holding a pooled connection in an open transaction, while the one holding the counter needs
 * more connections (the key, the file) — with as many issuances as connections, that would hang.
 * Across processes the counter's row lock still decides.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
