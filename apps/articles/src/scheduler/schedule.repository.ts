import type { Collection, Connection } from 'mongoose';

interface ScheduleMarker {
  _id: string; // story id
  dueAt: Date;
  seq: number;
}

/**
 * "This story may have a version to publish at dueAt." Written before the story itself, so a crash never leaves a
 * schedule the scheduler cannot see; a marker with nothing left to publish is dropped when it comes due. The
 * collection holds only stories with schedules, so reading it whole is cheap on any MongoDB-wire server.
 */
export class ScheduleRepository {
  private readonly markers: Collection<ScheduleMarker>;

  constructor(conn: Connection) {
    this.markers = conn.collection<ScheduleMarker>('schedule');
  }

  async mark(storyId: string, dueAt: Date): Promise<void> {
    await this.markers.updateOne({ _id: storyId }, { $set: { dueAt }, $inc: { seq: 1 } }, { upsert: true });
  }

  due(now: Date, limit = 100): Promise<ScheduleMarker[]> {
    return this.markers.find({ dueAt: { $lte: now } }, { limit }).toArray();
  }

  /** Moves or drops a marker unless a writer announced a new schedule since it was read (`seq`). */
  async settle(marker: ScheduleMarker, next: Date | null): Promise<void> {
    if (next) await this.markers.updateOne({ _id: marker._id, seq: marker.seq }, { $set: { dueAt: next } });
    else await this.markers.deleteOne({ _id: marker._id, seq: marker.seq });
  }
}
