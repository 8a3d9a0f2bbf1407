import { useMemo } from 'react';
import { qrPath } from './qrPath';

/** The invite link as a QR code: an inline SVG built by React (no script, no external image). */
export function InviteQr({ link, label }: { link: string; label: string }) {
  const { size, d } = useMemo(() => qrPath(link), [link]);
  return (
    <svg className="invite-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
