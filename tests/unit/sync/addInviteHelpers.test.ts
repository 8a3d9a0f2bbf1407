// The pure parts of joining by camera or paste: finding the invite in pasted text, naming camera
// failures, and decoding a camera frame (jsQR, or the browser's BarcodeDetector where it reads QR).
import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { encodeInvite } from '../../../src/protocol/invite';
import { inviteLink } from '../../../src/protocol/inviteLink';
import { readInvite } from '../../../src/sync/readInvite';
import { cameraProblem } from '../../../src/ui/sync/cameraProblem';
import { createQrFrameDecoder } from '../../../src/ui/sync/createQrFrameDecoder';
import type { QrFrame } from '../../../src/ui/sync/createQrFrameDecoder';
import { inviteFromPastedText } from '../../../src/ui/sync/inviteFromPastedText';
import { testInvite } from './syncTestKit';

const link = inviteLink('https://dala.example.org/', testInvite());
const payload = encodeInvite(testInvite());

/** `text` as a QR code drawn black on white at `scale` pixels per module, as a camera frame of RGBA pixels. */
function qrFrame(text: string, scale = 3): QrFrame {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let py = y * scale; py < (y + 1) * scale; py++) pixels.fill(0, (py * width + x * scale) * 4, (py * width + (x + 1) * scale) * 4);
    }),
  );
  // The alpha channel was zeroed with the colour above; frames from a canvas are opaque.
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
  return { data: pixels, width, height: width };
}

const blankFrame: QrFrame = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };

describe('inviteFromPastedText', () => {
  it('keeps only the link from a chat message around it, and the result is a readable invite', () => {
    const message = `Hi! Here is the invite for our group:\n${link}\nSee you on Friday.`;
    const found = inviteFromPastedText(message);
    expect(found).toBe(link);
    expect(readInvite(found ?? '').ok).toBe(true);
  });

  it('joins a bare payload that a messenger wrapped over lines', () => {
    const wrapped = `  ${payload.slice(0, 60)}\n${payload.slice(60, 130)}\r\n ${payload.slice(130)}  `;
    const found = inviteFromPastedText(wrapped);
    expect(found).toBe(payload);
    expect(readInvite(found ?? '').ok).toBe(true);
  });

  it('returns null for nothing pasted, and passes other text through for readInvite to refuse', () => {
    expect(inviteFromPastedText('')).toBeNull();
    expect(inviteFromPastedText(' \n\t ')).toBeNull();
    const other = inviteFromPastedText('not an invite');
    expect(other).toBe('notaninvite');
    expect(readInvite(other ?? '')).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('cameraProblem', () => {
  it('names each getUserMedia failure so it can be shown in words', () => {
    expect(cameraProblem(new DOMException('Permission denied', 'NotAllowedError'))).toBe('refused');
    expect(cameraProblem(new DOMException('insecure', 'SecurityError'))).toBe('refused');
    expect(cameraProblem(new DOMException('Requested device not found', 'NotFoundError'))).toBe('no-camera');
    expect(cameraProblem(new DOMException('', 'OverconstrainedError'))).toBe('no-camera');
    expect(cameraProblem(new DOMException('Could not start video source', 'NotReadableError'))).toBe('busy');
    expect(cameraProblem(new TypeError('something else'))).toBe('failed');
    expect(cameraProblem('a string')).toBe('failed');
  });
});

describe('createQrFrameDecoder', () => {
  it('without BarcodeDetector, reads an invite QR code with jsQR, and nothing from a blank frame', async () => {
    const decode = await createQrFrameDecoder({});
    const text = await decode(qrFrame(link));
    expect(text).toBe(link);
    expect(readInvite(text ?? '').ok).toBe(true);
    expect(await decode(blankFrame)).toBeNull();
  });

  it('uses BarcodeDetector for QR codes where the browser supports them', async () => {
    const seen: QrFrame[] = [];
    class FakeDetector {
      static async getSupportedFormats() {
        return ['ean_13', 'qr_code'];
      }
      constructor(readonly options: { formats: string[] }) {
        expect(options.formats).toEqual(['qr_code']);
      }
      async detect(frame: QrFrame) {
        seen.push(frame);
        return frame === blankFrame ? [] : [{ rawValue: 'from the detector' }];
      }
    }
    const decode = await createQrFrameDecoder({ BarcodeDetector: FakeDetector });
    const frame = qrFrame(link);
    expect(await decode(frame)).toBe('from the detector');
    expect(await decode(blankFrame)).toBeNull();
    expect(seen).toEqual([frame, blankFrame]);
  });

  it('falls back to jsQR when BarcodeDetector exists but reads no QR codes here', async () => {
    class NoQrDetector {
      static async getSupportedFormats() {
        return ['ean_13'];
      }
      async detect(): Promise<never> {
        throw new Error('set-up: this detector must not be used');
      }
    }
    const decode = await createQrFrameDecoder({ BarcodeDetector: NoQrDetector });
    expect(await decode(qrFrame(link))).toBe(link);
  });
});
