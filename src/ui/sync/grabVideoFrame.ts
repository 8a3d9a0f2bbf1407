import type { QrFrame } from './createQrFrameDecoder';

/** Frames are scaled down to this width: enough for an invite code that fills part of the view, and fast to scan. */
const MAX_FRAME_WIDTH = 640;

/** The video's current picture as pixels, drawn through `canvas`; null before the first frame has arrived. */
export function grabVideoFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): QrFrame | null {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0 || video.videoHeight === 0) return null;
  const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) return null;
  context.drawImage(video, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}
