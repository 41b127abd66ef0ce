package io.flanks.console.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs method, path, status and time of each call. Headers and bodies are never logged: they
 * carry the client secret, the access token and end users' tokens.
 */
final class RedactingLogInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RedactingLogInterceptor.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request req = chain.request();
        long start = System.nanoTime();
        try {
            Response resp = chain.proceed(req);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", req.method(), req.url().encodedPath(), resp.code(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return resp;
        } catch (IOException e) {
            LOG.debug("{} {} failed after {} ms: {}", req.method(), req.url().encodedPath(),
                    (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
            throw e;
        }
    }
}
