import { ChunkedSnapshots, type Database } from '@khao/persistence';
import type { IndexedStory } from './story-index.js';

/**
 * Bumped whenever what a chunk holds changes: a snapshot of another format is ignored (the index loads in full).
 * 2: gzipped V8 serialization (dates stay dates; decoding took a quarter of BSON's), compacted stories.
 * 3: the head shared with the admin lists' snapshots (`items`, not `stories`).
 */
const FORMAT = 3;
/** Stories a chunk holds: about 1 MB compressed for stories of six paragraphs, far below a document's 16 MB. */
export const CHUNK_STORIES = 1000;

export interface SnapshotEntry {
  story: IndexedStory;
  /** Per version, in order: its search fields already analysed. */
  analyzed: string[][];
}

export { SnapshotTooSlow, SnapshotUnreadable, type SnapshotHead } from '@khao/persistence';

/**
 * The StoryIndex's snapshot in the service's own database (see ChunkedSnapshots), for a replica to boot from without
 * reading every whole story: chunks of CHUNK_STORIES stories, their indexed fields and analysed search fields.
 */
export class StoryIndexSnapshots extends ChunkedSnapshots<SnapshotEntry> {
  constructor(db: Database) {
    super(db, 'story_index_snapshots', FORMAT, CHUNK_STORIES);
  }
}
