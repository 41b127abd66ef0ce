package io.flanks.console.api;

/** An institution from {@code GET /v0/bank/available}. */
public record Bank(String id, String name) {
}
