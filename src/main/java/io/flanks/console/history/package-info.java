/**
 * Status history: a local, per-environment record of each credential's health and flags as the
 * console saw them change ({@code <data dir>/history/<hash>.jsonl}, see {@link
 * io.flanks.console.history.StatusHistory}), written by {@link io.flanks.console.history.StatusRecorder}
 * from the credentials table's status observer and shown by the detail pane as a timeline
 * ({@link io.flanks.console.history.HistoryEvent}). No JavaFX here beyond the observer hook; no
 * token value or secret is ever written, only whether each flow token was set.
 */
package io.flanks.console.history;
