/** Why the camera could not be used to scan an invite; each is shown in words with "paste instead". */
export type CameraProblem =
  /** The person (or the browser's settings) refused camera permission. */
  | 'refused'
  /** This device has no camera the browser can use. */
  | 'no-camera'
  /** The camera exists but another app holds it, or it failed to start. */
  | 'busy'
  /** No camera API at all: the page is not on https (or localhost), or the browser lacks it. */
  | 'unavailable'
  /** Anything else, including the QR decoder failing to load. */
  | 'failed';

/** The CameraProblem for an error thrown by getUserMedia (a DOMException, named per the Media Capture spec). */
export function cameraProblem(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? (error as { name: unknown }).name : null;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'refused';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}
