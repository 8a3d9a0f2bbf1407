import { spellFingerprint } from './spellFingerprint';

/** A key fingerprint in large spaced groups, with the groups spelled out for reading aloud. */
export function FingerprintWords({ fingerprint, label }: { fingerprint: string; label: string }) {
  const spelled = spellFingerprint(fingerprint);
  return (
    <figure className="fingerprint">
      <figcaption>{label}</figcaption>
      <p className="fingerprint-groups" aria-label={`${fingerprint}: ${spelled}`}>
        {fingerprint.split(' ').map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </p>
      <p className="fingerprint-spelled">{spelled}</p>
    </figure>
  );
}
