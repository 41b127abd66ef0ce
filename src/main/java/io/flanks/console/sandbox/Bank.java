package io.flanks.console.sandbox;

/**
 * A bank the sandbox knows, with the odds the generator uses for it.
 *
 * @param weight         relative share of credentials at this bank
 * @param cardPercent    chance that a credential there has cards
 * @param investPercent  chance that it has a portfolio and investments (brokers high, savings banks 0)
 */
record Bank(String id, String name, int weight, int cardPercent, int investPercent) {
}
