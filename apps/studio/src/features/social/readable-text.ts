const LINK = /\bhttps?:\/\/[^\s<>"]+/g;

/**
 * A post's text as a person reads it: each link's percent-encoding decoded (a Thai story address shows in Thai).
 * For display only: the platform receives, and counts, the encoded text. A link that does not decode stays as it is.
 */
export function readableText(text: string): string {
  return text.replace(LINK, (url) => {
    try {
      return decodeURI(url);
    } catch {
      return url;
    }
  });
}
