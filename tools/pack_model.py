#!/usr/bin/env python3
"""Writes the compact binary form of the name model (assets/model/ner.tsv), the one compiled into
the program: about a third of the text's size, and read at start without parsing numbers.
Model::decode (src/core/analysis/model.cpp) reads it; tests/unit check both forms give the same model.

  python3 tools/pack_model.py assets/model/ner.tsv OUT.bin

Format (little-endian): "LEDM" 3 | scale as its decimal text (1 length byte, the text, read with
strtof as the TSV is) | bias: 4 x int16 | N: uint32 | P: uint32 | the P distinct weight rows
(4 x int8 each), the most used first | the N keys (key() below: 36 mixed bits of each feature hash,
as Model::key), ascending, as their differences to the one before in Rice code: R (1 byte), then
for each difference d: d >> R in unary (that many 1 bits, a 0), then its low R bits; bits from the
lowest of each byte up, the last byte padded with 0 | N varints: each feature's row in that table.
Sorted keys of random bits are incompressible; Rice code takes them in about log2(2^36 / N) + 1.5
bits each, where varints take 32 (and 64-bit hashes took 64). The table of the few thousand distinct
rows compresses well (gzip).
"""
import collections
import struct
import sys


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


KEY_BITS = 36  # Model::kKeyBits


def key(h):  # Model::key
    return (((h ^ (h >> 32)) * 0xFF51AFD7ED558CCD) & 0xFFFFFFFFFFFFFFFF) >> (64 - KEY_BITS)


def rice(deltas):
    """The smallest Rice code of deltas: (R, bytes)."""
    r = min(range(41), key=lambda r: sum((d >> r) + 1 + r for d in deltas))
    bits, n = 0, 0  # an int as the bit string, n bits long
    for d in deltas:
        q = d >> r
        bits |= ((1 << q) - 1) << n  # q ones; the 0 after them is already there
        n += q + 1
        bits |= (d & ((1 << r) - 1)) << n
        n += r
    return r, bits.to_bytes((n + 7) // 8, 'little')


def main(src, dst):
    scale, bias, rows = '1', [0, 0, 0, 0], {}
    for line in open(src, encoding='utf-8'):
        line = line.rstrip('\r\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        if f[0] == 'scale':
            scale = f[1].strip()
        elif f[0] == 'bias':
            bias = [int(x) for x in f[1:5]]
        else:
            w = [int(x) for x in f[1:5]]
            if len(w) != 4 or any(x < -128 or x > 127 for x in w):
                sys.exit(f'pack_model: {src}: weights outside -128..127 or not four: {line!r}')
            rows.setdefault(key(int(f[0], 16)), w)  # a repeated key: the first one counts, as in Model::parse
    keys = sorted(rows)
    table = [w for w, _ in collections.Counter(tuple(rows[k]) for k in keys).most_common()]
    index = {w: i for i, w in enumerate(table)}
    out = bytearray(b'LEDM\x03')
    s = scale.encode('ascii')
    out += bytes([len(s)]) + s
    out += struct.pack('<4h', *bias)
    out += struct.pack('<II', len(keys), len(table))
    for w in table:
        out += struct.pack('<4b', *w)
    r, code = rice([k - p for k, p in zip(keys, [0] + keys[:-1])])
    out += bytes([r]) + code
    for k in keys:
        out += varint(index[tuple(rows[k])])
    with open(dst, 'wb') as f:
        f.write(out)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
