package io.flanks.console.api;

/**
 * One entry of the list call. {@code status} is {@code null} when the item's status was not
 * an object (one public client models it as a plain string, kept in {@code statusText});
 * such a row is kept and its status fetched on demand.
 */
public record CredentialItem(String credentialsToken, String externalId, String bank,
                             CredentialStatus status, String statusText) {
}
