import { DueMarkers, dueMarkers, type Database, type Marker } from '@khao/persistence';

/** One marker per story with a schedule (`_id` = story id). */
const Schedule = dueMarkers('schedule');

export type ScheduleMarker = Marker;

/**
 * "This story may have a version to publish at dueAt." Written before the story itself, so a crash never leaves a
 * schedule the scheduler cannot see; a marker with nothing left to publish is dropped when it comes due. The
 * collection holds only stories with schedules, so reading it whole is cheap on any MongoDB-wire server.
 */
export class ScheduleRepository {
  private readonly markers: DueMarkers;

  constructor(db: Database) {
    this.markers = new DueMarkers(db, Schedule);
  }

  async mark(storyId: string, dueAt: Date): Promise<void> {
    await this.markers.schedule(storyId, dueAt);
  }

  due(now: Date, limit = 100): Promise<ScheduleMarker[]> {
    return this.markers.due(now, limit);
  }

  /** Moves or drops a marker unless a writer announced a new schedule since it was read. */
  async settle(marker: ScheduleMarker, next: Date | null): Promise<void> {
    if (next) await this.markers.move(marker, next);
    else await this.markers.done(marker);
  }
}
