#!/usr/bin/env python3
"""Writes the compact binary form of the name model (assets/model/ner.tsv), the one compiled into
the program: about a third of the text's size, and read at start without parsing numbers.
Model::decode (src/core/analysis/model.cpp) reads it; tests/unit check both forms give the same model.

  python3 tools/pack_model.py assets/model/ner.tsv OUT.bin

Format (little-endian): "LEDM" 1 | scale as its decimal text (1 length byte, the text, read with
strtof as the TSV is) | bias: 4 x int16 | N: uint32 | N feature hashes, ascending, each as the
LEB128 varint of its difference to the one before | 4 columns of N int8 weights (class 0 of every
feature, then class 1, ...). Sorted deltas and columns compress well (gzip) where hex text does not.
"""
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
            rows.setdefault(int(f[0], 16), w)  # a repeated hash: the first one counts, as in Model::parse
    keys = sorted(rows)
    out = bytearray(b'LEDM\x01')
    s = scale.encode('ascii')
    out += bytes([len(s)]) + s
    out += struct.pack('<4h', *bias)
    out += struct.pack('<I', len(keys))
    prev = 0
    for k in keys:
        out += varint(k - prev)
        prev = k
    for c in range(4):
        out += bytes(rows[k][c] & 0xFF for k in keys)
    with open(dst, 'wb') as f:
        f.write(out)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
