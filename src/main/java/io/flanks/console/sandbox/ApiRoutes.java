package io.flanks.console.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** The vendor's API under /v0: token, credentials list, status, force, delete, banks. */
final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private static final String BEARER = "Bearer ";

    private final SandboxConfig config;
    private final TokenStore tokens;
    private final CredentialStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] banksJson = Json.write(Banks.available());

    ApiRoutes(SandboxConfig config, TokenStore tokens, CredentialStore store) {
        this.config = config;
        this.tokens = tokens;
        this.store = store;
        this.clock = config.clock();
    }

    void register(Router router) {
        router.add("POST", "/v0/token", this::token)
                .add("POST", "/v0/bank/credentials/list", authenticated(this::list))
                .add("POST", "/v0/bank/credentials/status", authenticated(this::status))
                .add("PUT", "/v0/bank/credentials/status", authenticated(this::force))
                .add("DELETE", "/v0/bank/credentials", authenticated(this::delete))
                .add("GET", "/v0/bank/available", authenticated(request -> new Reply(200, banksJson, Map.of())));
    }

    private Router.Route authenticated(Router.Route route) {
        return request -> {
            String header = request.header("Authorization");
            String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? header.substring(BEARER.length()).trim() : null;
            if (!tokens.isValid(token)) {
                throw new ApiError(401, "Unauthorized", Map.of("WWW-Authenticate", "Bearer"));
            }
            return route.handle(request);
        };
    }

    private Reply token(Request request) {
        if (!config.clientId().equals(request.text("client_id"))
                || !config.clientSecret().equals(request.text("client_secret"))
                || !"client_credentials".equals(request.text("grant_type"))) {
            LOG.debug("Token refused for client_id {}", request.text("client_id"));
            throw new ApiError(403, "access_denied");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue());
        body.put("expires_in", tokens.ttlSeconds());
        body.put("token_type", "Bearer");
        body.put("scope", "credentials");
        return Reply.ok(body);
    }

    private Reply list(Request request) {
        int page = pageNumber(request.json().get("page"));
        CredentialStore.Page found = store.page(page, config.pageSize());
        long now = nowSeconds();
        List<StatusView> statuses = new ArrayList<>(found.items().size());
        for (Credential credential : found.items()) {
            statuses.add(credential.status(now));
        }
        return new Reply(200, StatusJson.page(found.items(), statuses, found.page(), found.pages()), Map.of());
    }

    private static int pageNumber(JsonNode page) {
        if (page == null || page.isNull()) {
            return 1;
        }
        if (!page.isIntegralNumber() || !page.canConvertToInt() || page.intValue() < 1) {
            throw new ApiError(400, "page must be a positive integer");
        }
        return page.intValue();
    }

    private Reply status(Request request) {
        Credential credential = existing(request.credentialsToken());
        return new Reply(200, StatusJson.status(credential.status(nowSeconds())), Map.of());
    }

    private Reply force(Request request) {
        String token = request.credentialsToken();
        Flow flow = Flow.parse(request.text("force"));
        if (flow == null) {
            throw new ApiError(400, "force must be one of sca, reset, transaction");
        }
        Credential credential = existing(token);
        String flowToken = credential.open(flow, RandomTokens.hex(random, 32));
        return Reply.ok(Map.of(flow.tokenKey, flowToken));
    }

    private Reply delete(Request request) {
        if (!store.delete(request.credentialsToken())) {
            throw ApiError.notAllowed();
        }
        return Reply.ok(Map.of("message", "Successfully deleted"));
    }

    private Credential existing(String token) {
        Credential credential = store.find(token);
        if (credential == null) {
            throw ApiError.notAllowed();
        }
        return credential;
    }

    private long nowSeconds() {
        return Math.floorDiv(clock.millis(), 1_000L);
    }
}
