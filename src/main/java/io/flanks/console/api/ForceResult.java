package io.flanks.console.api;

/** What a force call returned: the flow and its new token. */
public record ForceResult(ForceKind kind, String token) {
}
