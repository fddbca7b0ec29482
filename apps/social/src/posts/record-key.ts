// Every post gets its record key when it is queued, whatever its channel: a retry of a Bluesky post then writes the
// same record rather than a second one (AT Protocol record keys are chosen by the client).

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/** An AT Protocol TID (record key): 53 bits of microseconds and 10 bits of clock id, base32-sortable, 13 chars. */
export function newTid(now = Date.now(), clockId = Math.floor(Math.random() * 1024)): string {
  let v = (BigInt(now) * 1000n + BigInt(Math.floor(Math.random() * 1000))) << 10n;
  v |= BigInt(clockId & 1023);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(v & 31n)] + out;
    v >>= 5n;
  }
  return out;
}
