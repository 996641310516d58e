// An independent reader of the app's packed stored copies (src/storage/
// packed.rs): `mpz1:<byte count>:<chars>`, 15 bits per character from
// U+3000, holding an LZ4 block with its uncompressed size prepended (u32
// little endian). Written from the LZ4 block format description, not from
// the app's code. Plain JSON (earlier builds) passes through.
"use strict";

function lz4Block(input, size) {
  const out = new Uint8Array(size);
  let i = 0;
  let o = 0;
  const length = (n) => {
    if (n !== 15) return n;
    let b;
    do {
      b = input[i++];
      n += b;
    } while (b === 255);
    return n;
  };
  while (i < input.length) {
    const token = input[i++];
    const literals = length(token >> 4);
    out.set(input.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i >= input.length) break;
    const offset = input[i] | (input[i + 1] << 8);
    i += 2;
    if (offset === 0 || offset > o) throw new Error("bad LZ4 offset");
    const match = length(token & 15) + 4;
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset];
  }
  if (o !== size) throw new Error(`LZ4 block gave ${o} bytes, expected ${size}`);
  return out;
}

/** The JSON text of a stored value. */
function unpack(stored) {
  if (!stored.startsWith("mpz1:")) return stored;
  const [, count, body] = stored.match(/^mpz1:(\d+):([\s\S]*)$/) ?? [];
  if (!count) throw new Error("not a packed value");
  const bytes = new Uint8Array(Number(count));
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (const ch of body) {
    const v = ch.codePointAt(0) - 0x3000;
    if (v < 0 || v > 0x7fff) throw new Error("not a packed character");
    acc = ((acc << 15) | v) >>> 0;
    bits += 15;
    while (bits >= 8 && n < bytes.length) {
      bits -= 8;
      bytes[n++] = (acc >>> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  if (n !== bytes.length) throw new Error("packed value is short");
  const size = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
  return new TextDecoder().decode(lz4Block(bytes.subarray(4), size >>> 0));
}

module.exports = { unpack };
