/**
 * A story's photos as the editor arranges them: the gallery's order is the order readers see, and the cover is one
 * of the story's photos (or none). Pure functions over ids, so the rules are tested without a browser.
 */
export interface Photos {
  cover: string | null;
  gallery: string[];
}

/** The gallery with the item at `from` moved to `to` (dnd-kit's indexes; out of range: unchanged). */
export function moveItem(ids: readonly string[], from: number, to: number): string[] {
  if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return [...ids];
  const out = [...ids];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return out;
}

/** The gallery after moving `active` onto `over`'s place (what a drop or a keyboard move ends with). */
export function moveId(ids: readonly string[], active: string, over: string | null): string[] {
  if (!over) return [...ids];
  return moveItem(ids, ids.indexOf(active), ids.indexOf(over));
}

/** Photos picked from the library, added at the end in the order picked; those already there are left in place. */
export function addPhotos(p: Photos, picked: readonly string[]): Photos {
  const gallery = [...p.gallery];
  for (const id of picked) if (!gallery.includes(id)) gallery.push(id);
  // A story without a cover takes its first photo: the page and the social cards then have an image.
  return { cover: p.cover ?? gallery[0] ?? null, gallery };
}

/** A photo taken out of the story: out of the gallery, and no longer the cover. */
export function removePhoto(p: Photos, id: string): Photos {
  return { cover: p.cover === id ? null : p.cover, gallery: p.gallery.filter((g) => g !== id) };
}

/** The cover set to one of the gallery's photos (another id is refused: the cover is shown from the gallery). */
export function setCover(p: Photos, id: string): Photos {
  return p.gallery.includes(id) ? { ...p, cover: id } : p;
}
