import { encode } from 'uqr';

export interface QrPath {
  /** Width and height in modules, quiet zone included. */
  readonly size: number;
  /** One SVG path drawing every dark module as a 1×1 square. */
  readonly d: string;
}

/** The QR code of `text` as one SVG path, with the 4-module quiet zone scanners need. */
export function qrPath(text: string): QrPath {
  if (typeof text !== 'string' || text === '') throw new TypeError('qrPath: text must be a non-empty string');
  // 'M' survives a smudged or partly covered screen; invite links fit comfortably at this level.
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}
