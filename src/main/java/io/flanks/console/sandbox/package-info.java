/**
 * An embedded, Flanks-compatible sandbox server: the Credentials API with the vendor's shapes,
 * status codes and error bodies, over a generated, believable data set. It binds to 127.0.0.1
 * only, so people can train on the console and tests can run without the vendor.
 *
 * <p>Standalone on purpose: no JavaFX and no dependency on the console's {@code api} package,
 * so the server can never drift into agreeing with the client's own mistakes.
 */
package io.flanks.console.sandbox;
