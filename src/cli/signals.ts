/**
 * Exit codes of a command stopped by a signal: 128 + the signal's number, as shells report a
 * process the signal ended, so a script can tell Ctrl-C (130) from a closed terminal (129) or a
 * `kill` (143). verso stops cleanly first (it saves what is done), then exits with these.
 */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export function exitCodeForSignal(signal: NodeJS.Signals): number {
  return SIGNAL_EXIT[signal] ?? 1;
}

/** The exit code of a command that stopped because `signal` was aborted (by the signal its reason names). */
export function exitCodeForAbort(signal: AbortSignal): number {
  return typeof signal.reason === 'string' ? exitCodeForSignal(signal.reason as NodeJS.Signals) : exitCodeForSignal('SIGINT');
}
