/** One camera frame as RGBA pixels (an ImageData in the browser). */
export interface QrFrame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** The text of the QR code in a frame, or null when the frame shows none. */
export type QrFrameDecoder = (frame: QrFrame) => Promise<string | null>;

// The Shape Detection API is not in TypeScript's DOM types yet; only what is used here.
interface BarcodeDetectorLike {
  detect(image: QrFrame): Promise<readonly { readonly rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<readonly string[]>;
}

/**
 * A decoder using the browser's own BarcodeDetector when it reads QR codes, else jsQR — imported on
 * first use, so it never weighs on the first screen. `scope` is the global object (a stand-in in tests).
 */
export async function createQrFrameDecoder(scope: object = globalThis): Promise<QrFrameDecoder> {
  const Detector = (scope as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  // Some browsers define BarcodeDetector but support no QR format on this platform.
  if (Detector !== undefined && (await Detector.getSupportedFormats()).includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  return async (frame) => jsQR(frame.data, frame.width, frame.height)?.data ?? null;
}
