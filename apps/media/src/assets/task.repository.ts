import { z } from 'zod';
import { DueMarkers, dueMarkers, type Database, type Marker } from '@khao/persistence';

/**
 * - `process`: an upload being processed; due when its lease runs out (the processor died).
 * - `avif`: AVIF renditions still to make, in the background.
 * - `expire`: an upload slot; due when it expires unused.
 * - `purge`: a deleted asset whose objects are not all removed yet.
 */
const TaskKindSchema = z.enum(['process', 'avif', 'expire', 'purge']);
export type TaskKind = z.output<typeof TaskKindSchema>;

/** `_id` = `<kind>:<assetId>`. */
const Tasks = dueMarkers('media_tasks', { kind: TaskKindSchema, assetId: z.string() });
export type Task = Marker<(typeof Tasks)['schema']['shape']>;

/**
 * Background work that must survive a crash, one marker per job. The collection holds only jobs in flight, so
 * reading the due ones (a scan on FerretDB) is cheap; a claimed job is leased, so across replicas it runs once per
 * lease.
 */
export class TaskRepository {
  private readonly tasks: DueMarkers<(typeof Tasks)['schema']['shape']>;

  constructor(db: Database) {
    this.tasks = new DueMarkers(db, Tasks);
  }

  async schedule(kind: TaskKind, assetId: string, dueAt: Date): Promise<void> {
    await this.tasks.schedule(`${kind}:${assetId}`, dueAt, { kind, assetId });
  }

  async done(kind: TaskKind, assetId: string): Promise<void> {
    await this.tasks.done(`${kind}:${assetId}`);
  }

  due(now: Date, limit = 50): Promise<Task[]> {
    return this.tasks.due(now, limit);
  }

  /** Takes a due task for `leaseMs`; false when another replica took it first. */
  async claim(task: Task, leaseMs: number): Promise<boolean> {
    return (await this.tasks.claim(task, leaseMs)) !== null;
  }
}
