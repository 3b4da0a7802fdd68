/**
 * Runs async tasks one at a time, in call order: a printer takes one job at a time, and a status poll must not
 * interleave its request/reply with a job's bytes.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // Keep the chain alive whatever the task does; the caller sees the real outcome through `result`.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
