/** Idle-lock choices offered in settings, in minutes. Short by default: a phone can be taken at any moment. */
export const lockTimeoutChoices = [1, 2, 5, 10, 15, 30] as const;

/** The choices, plus the current value if it is not one of them (e.g. set by an older version). */
export function lockTimeoutOptions(current: number): number[] {
  const choices: number[] = [...lockTimeoutChoices];
  if (!choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}
