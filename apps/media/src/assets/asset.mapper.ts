import type { Language, MediaAsset, Rendition, ResolvedImage } from '@khao/contracts';
import type { ObjectStore } from '../storage/object-store.js';
import type { AssetDoc } from './asset.schema.js';

export function renditionsOf(doc: AssetDoc, store: ObjectStore): Rendition[] {
  return doc.renditions.map((r) => ({
    format: r.format,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    url: store.publicUrl(r.key),
  }));
}

export function toAsset(doc: AssetDoc, store: ObjectStore): MediaAsset {
  return {
    id: doc._id,
    status: doc.status === 'deleting' ? 'ready' : doc.status === 'deleted' ? 'failed' : doc.status,
    filename: doc.filename,
    format: doc.format,
    bytes: doc.bytes,
    width: doc.width,
    height: doc.height,
    sha256: doc.sha256,
    blurhash: doc.blurhash,
    focalPoint: doc.focalPoint,
    captions: doc.captions ?? {},
    alt: doc.alt ?? {},
    credit: doc.credit ?? '',
    renditions: renditionsOf(doc, store),
    shareImage: doc.share
      ? { url: store.publicUrl(doc.share.key), width: doc.share.width, height: doc.share.height }
      : null,
    failure: doc.failure,
    createdBy: doc.createdBy,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/** A text in `language`, else in any other language that has one. */
function inLanguage(texts: { th?: string; en?: string } | undefined, language: Language): string {
  const t = texts ?? {};
  return t[language] || t.th || t.en || '';
}

/** The JPEG about 1024 wide (or the widest below it; the narrowest if all are wider). */
function srcOf(jpegs: Rendition[]): Rendition {
  const below = jpegs.filter((r) => r.width <= 1024);
  return below.at(-1) ?? jpegs[0];
}

const srcset = (list: Rendition[]) => list.map((r) => `${r.url} ${r.width}w`).join(', ');

/** A ready asset as a page shows it, in one language (contract `media.resolve.v1`). */
export function toResolved(doc: AssetDoc, language: Language, store: ObjectStore): ResolvedImage | null {
  if (doc.status !== 'ready' || !doc.share || !doc.width || !doc.height) return null;
  const renditions = renditionsOf(doc, store).sort((a, b) => a.width - b.width);
  const of = (f: Rendition['format']) => renditions.filter((r) => r.format === f);
  const jpegs = of('jpeg');
  if (!jpegs.length) return null;
  const avif = of('avif');
  return {
    id: doc._id,
    width: doc.width,
    height: doc.height,
    blurhash: doc.blurhash ?? '',
    focalPoint: doc.focalPoint,
    caption: inLanguage(doc.captions, language),
    alt: inLanguage(doc.alt, language),
    credit: doc.credit ?? '',
    src: srcOf(jpegs).url,
    srcset: { webp: srcset(of('webp')), jpeg: srcset(jpegs), avif: avif.length ? srcset(avif) : null },
    renditions,
    shareImage: { url: store.publicUrl(doc.share.key), width: 1200, height: 630 },
  };
}
