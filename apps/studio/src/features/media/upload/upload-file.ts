import { ApiError, csrfHeaders } from '../../../api/client';
import type { MediaAsset, PresignedUpload } from '../types';

/** Files from this size on go straight to object storage (a presigned PUT), sparing the gateway their bytes. */
export const DIRECT_UPLOAD_BYTES = 4 * 1024 * 1024;

export type UploadPhase = 'uploading' | 'processing';

interface Sent {
  status: number;
  statusText: string;
  text: string;
}

/**
 * One request through XMLHttpRequest, the browser API that reports upload progress (fetch does not, yet).
 * Network failures become the same ApiError every other call gives.
 */
function send(
  method: string,
  url: string,
  body: XMLHttpRequestBodyInit,
  headers: Record<string, string>,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText });
    xhr.onerror = () => reject(new ApiError(0, 'network', 'the upload could not reach the server'));
    xhr.onabort = () => reject(new ApiError(0, 'network', 'the upload was cancelled'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(body);
  });
}

async function parse<T>(sent: Sent): Promise<T> {
  const response = new Response(sent.text || null, { status: sent.status, statusText: sent.statusText });
  if (sent.status < 200 || sent.status >= 300) throw await ApiError.fromResponse(response);
  return JSON.parse(sent.text) as T;
}

const json = (body: unknown) => JSON.stringify(body);
const apiHeaders = () => ({ 'content-type': 'application/json', ...csrfHeaders() });

/**
 * Uploads one photo and answers the image once the media service has verified and processed it. Small files go
 * through the gateway (multipart, streamed to object storage); large ones are PUT directly to MinIO with a
 * presigned URL, then completed. `onPhase` says when the bytes are all sent and the server is processing.
 */
export async function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  onPhase: (phase: UploadPhase) => void,
  signal?: AbortSignal,
): Promise<MediaAsset> {
  const progress = (loaded: number, total: number) => {
    onProgress(total > 0 ? loaded / total : 0);
    if (loaded >= total) onPhase('processing');
  };
  if (file.size < DIRECT_UPLOAD_BYTES) {
    const form = new FormData();
    form.append('file', file, file.name);
    return parse(await send('POST', '/api/v1/media', form, csrfHeaders(), progress, signal));
  }
  const slot = await parse<PresignedUpload>(
    await send(
      'POST',
      '/api/v1/media/uploads',
      json({ filename: file.name, size: file.size, ...(file.type ? { contentType: file.type } : {}) }),
      apiHeaders(),
      () => undefined,
      signal,
    ),
  );
  const put = await send('PUT', slot.url, file, slot.headers, progress, signal);
  if (put.status < 200 || put.status >= 300) {
    throw new ApiError(put.status, put.status === 413 ? 'too_large' : 'unavailable', 'object storage refused the file');
  }
  onPhase('processing');
  return parse(
    await send(
      'POST',
      `/api/v1/media/${slot.id}/complete`,
      json({ size: file.size, ...(file.type ? { contentType: file.type } : {}) }),
      apiHeaders(),
      () => undefined,
      signal,
    ),
  );
}
