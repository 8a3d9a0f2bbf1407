// Fingerprints are base32 (A–Z, 2–7): spelled with the ICAO/NATO alphabet so that two people on a
// call hear the same thing, whatever their language ("B" and "D", "M" and "N" sound alike).
const letters: Readonly<Record<string, string>> = {
  A: 'Alfa', B: 'Bravo', C: 'Charlie', D: 'Delta', E: 'Echo', F: 'Foxtrot', G: 'Golf', H: 'Hotel', I: 'India',
  J: 'Juliett', K: 'Kilo', L: 'Lima', M: 'Mike', N: 'November', O: 'Oscar', P: 'Papa', Q: 'Quebec', R: 'Romeo',
  S: 'Sierra', T: 'Tango', U: 'Uniform', V: 'Victor', W: 'Whiskey', X: 'X-ray', Y: 'Yankee', Z: 'Zulu',
  '2': 'two', '3': 'three', '4': 'four', '5': 'five', '6': 'six', '7': 'seven',
};

/** 'ABC2 …' -> 'Alfa Bravo Charlie two, …': groups separated by commas, for screen readers and reading aloud. */
export function spellFingerprint(fingerprint: string): string {
  return fingerprint
    .trim()
    .split(/\s+/)
    .map((group) => [...group].map((char) => letters[char.toUpperCase()] ?? char).join(' '))
    .join(', ');
}
