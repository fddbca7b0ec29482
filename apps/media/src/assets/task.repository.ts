import type { Collection, Connection } from 'mongoose';

/**
 * - `process`: an upload being processed; due when its lease runs out (the processor died).
 * - `avif`: AVIF renditions still to make, in the background.
 * - `expire`: an upload slot; due when it expires unused.
 * - `purge`: a deleted asset whose objects are not all removed yet.
 */
export type TaskKind = 'process' | 'avif' | 'expire' | 'purge';

export interface Task {
  _id: string; // `<kind>:<assetId>`
  kind: TaskKind;
  assetId: string;
  dueAt: Date;
}

/**
 * Background work that must survive a crash, one marker per job. The collection holds only jobs in flight, so
 * reading the due ones (a scan on FerretDB) is cheap; claiming one moves its due time forward, so across replicas a
 * job runs once per lease.
 */
export class TaskRepository {
  private readonly tasks: Collection<Task>;

  constructor(conn: Connection) {
    this.tasks = conn.collection<Task>('media_tasks');
  }

  async schedule(kind: TaskKind, assetId: string, dueAt: Date): Promise<void> {
    await this.tasks.updateOne({ _id: `${kind}:${assetId}` }, { $set: { kind, assetId, dueAt } }, { upsert: true });
  }

  async done(kind: TaskKind, assetId: string): Promise<void> {
    await this.tasks.deleteOne({ _id: `${kind}:${assetId}` });
  }

  due(now: Date, limit = 50): Promise<Task[]> {
    return this.tasks
      .find({ dueAt: { $lte: now } }, { limit })
      .sort({ dueAt: 1 })
      .toArray();
  }

  /** Takes a due task for `leaseMs`; false when another replica took it first. */
  async claim(task: Task, leaseMs: number): Promise<boolean> {
    const res = await this.tasks.updateOne(
      { _id: task._id, dueAt: task.dueAt },
      { $set: { dueAt: new Date(Date.now() + leaseMs) } },
    );
    return res.modifiedCount === 1;
  }
}
