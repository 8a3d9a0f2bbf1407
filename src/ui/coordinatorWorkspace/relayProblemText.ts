import type { RelayProblemAt, RelayProblemView } from './coordinatorApi';
import type { CoordinatorT } from './useCoordinatorT';

/** A relay failure in the reader's language: what happened, then what to do. */
export function relayProblemText(t: CoordinatorT, problem: RelayProblemView): string {
  return t(`relayProblem.${problem.kind}`, { detail: problem.detail });
}

/** Several relays' failures for one device, each prefixed with the relay. */
export function relayProblemsText(t: CoordinatorT, problems: readonly RelayProblemAt[]): string {
  return problems.map(({ url, problem }) => t('delivery.at', { url, problem: relayProblemText(t, problem) })).join(' ');
}
