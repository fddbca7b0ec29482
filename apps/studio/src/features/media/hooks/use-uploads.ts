import { useCallback, useState } from 'react';
import { uploadFile, type UploadPhase } from '../upload/upload-file';
import type { MediaAsset } from '../types';
import { useUploaded } from './use-media';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  progress: number;
  state: UploadPhase | 'done' | 'failed';
  asset?: MediaAsset;
  error?: unknown;
}

/** Files sent at the same time: enough to keep the line busy, few enough that each bar moves. */
const PARALLEL = 2;
let counter = 0;

/** The uploads of this page: each dropped file with its own progress, result or refusal. */
export function useUploads(onDone?: (asset: MediaAsset) => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const uploaded = useUploaded();
  const patch = (key: string, p: Partial<UploadItem>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  const add = useCallback(
    (files: readonly File[]) => {
      const queued = files.map((file) => ({ file, key: `u${++counter}` }));
      setItems((all) => [
        ...queued.map(({ file, key }) => ({
          key,
          name: file.name,
          size: file.size,
          progress: 0,
          state: 'uploading' as const,
        })),
        ...all,
      ]);
      const next = async (): Promise<void> => {
        const job = queued.shift();
        if (!job) return;
        try {
          const asset = await uploadFile(
            job.file,
            (progress) => patch(job.key, { progress }),
            (state) => patch(job.key, { state }),
          );
          patch(job.key, { state: 'done', progress: 1, asset });
          uploaded(asset);
          onDone?.(asset);
        } catch (error) {
          patch(job.key, { state: 'failed', error });
        }
        return next();
      };
      for (let i = 0; i < PARALLEL; i++) void next();
    },
    [uploaded, onDone],
  );
  return { items, add };
}
