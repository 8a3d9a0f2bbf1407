import { useEffect, useRef, useState } from 'react';
import { cameraProblem } from './cameraProblem';
import type { CameraProblem } from './cameraProblem';
import { createQrFrameDecoder } from './createQrFrameDecoder';
import { grabVideoFrame } from './grabVideoFrame';
import { useSyncT } from './useSyncT';

/** How often a frame is looked at: quick enough to feel instant, slow enough to spare an old phone's battery. */
const FRAME_INTERVAL_MS = 250;

export interface QrScannerProps {
  /** The text of the first QR code seen; the camera is already off when this is called. */
  readonly onText: (text: string) => void;
  /** "Stop camera" was pressed (the camera is turned off on unmount). */
  readonly onCancel: () => void;
}

/**
 * The back camera's picture with a scan for a QR code every FRAME_INTERVAL_MS. Every camera track is
 * stopped when a code is found, on "Stop camera" and on unmount (lock, leaving the screen), so the
 * camera light never stays on.
 */
export function QrScanner({ onText, onCancel }: QrScannerProps) {
  const { t } = useSyncT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const onTextRef = useRef(onText);
  const [problem, setProblem] = useState<CameraProblem | null>(null);

  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const canvas = document.createElement('canvas');
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const fail = (reason: CameraProblem) => {
      if (stopped) return;
      stop();
      setProblem(reason);
    };

    const start = async () => {
      // navigator.mediaDevices is missing outside secure contexts (a page served over plain http).
      const media = typeof navigator === 'undefined' ? undefined : (navigator.mediaDevices as MediaDevices | undefined);
      if (media === undefined || typeof media.getUserMedia !== 'function') return fail('unavailable');
      try {
        stream = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        return fail(cameraProblem(error));
      }
      if (stopped) return stop();
      let decode;
      try {
        decode = await createQrFrameDecoder(window);
      } catch {
        return fail('failed');
      }
      const video = videoRef.current;
      if (stopped || video === null) return stop();
      video.srcObject = stream;
      video.play().catch((error: unknown) => fail(cameraProblem(error)));
      const scan = async () => {
        const current = videoRef.current;
        const frame = current === null ? null : grabVideoFrame(current, canvas);
        let text: string | null;
        try {
          text = frame === null ? null : await decode(frame);
        } catch {
          return fail('failed');
        }
        if (stopped) return;
        if (text !== null && text !== '') {
          stop();
          onTextRef.current(text);
          return;
        }
        timer = setTimeout(() => void scan(), FRAME_INTERVAL_MS);
      };
      timer = setTimeout(() => void scan(), FRAME_INTERVAL_MS);
    };

    void start();
    return stop;
  }, []);

  if (problem !== null) {
    return (
      <div className="stack">
        <p role="alert" className="notice error">
          {t(`invite.camera.${problem}`)}
        </p>
        <div className="button-row">
          <button type="button" onClick={onCancel}>
            {t('invite.close')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <p role="status">{t('invite.scanning')}</p>
      {/* muted and playsInline: iOS shows a camera stream inline only then. */}
      <video ref={videoRef} aria-label={t('invite.cameraView')} muted playsInline width={320} height={320} />
      <div className="button-row">
        <button type="button" onClick={onCancel}>
          {t('invite.stopScan')}
        </button>
      </div>
    </div>
  );
}
