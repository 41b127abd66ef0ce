package io.flanks.console.sandbox;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** Sandbox-only controls under /sandbox: no token needed and never hit by injected faults. */
final class SandboxRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxRoutes.class);

    private final CredentialStore store;
    private final Faults faults;
    private final Clock clock;

    SandboxRoutes(CredentialStore store, Faults faults, Clock clock) {
        this.store = store;
        this.faults = faults;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("POST", "/sandbox/complete", this::complete)
                .add("POST", "/sandbox/faults", this::faults);
    }

    /** The end user went through the flow(s) in the Link. */
    private Reply complete(Request request) {
        String token = request.credentialsToken();
        JsonNode flowNode = request.json().get("flow");
        Set<Flow> flows = flowNode == null || flowNode.isNull()
                ? Flow.parseSet("all")
                : flowNode.isTextual() ? Flow.parseSet(flowNode.asText()) : null;
        if (flows == null) {
            throw new ApiError(400, "flow must be one of sca, reset, transaction, all");
        }
        Credential credential = store.find(token);
        if (credential == null) {
            throw ApiError.notAllowed();
        }
        credential.complete(flows, Math.floorDiv(clock.millis(), 1_000L));
        return Reply.ok(Map.of("message", "Completed"));
    }

    private Reply faults(Request request) {
        JsonNode latency = request.json().get("latency_ms");
        JsonNode rate = request.json().get("error_rate");
        if (latency != null && !latency.isNull()) {
            if (!latency.isIntegralNumber() || !latency.canConvertToInt()
                    || latency.intValue() < 0 || latency.intValue() > Faults.MAX_LATENCY_MS) {
                throw new ApiError(400, "latency_ms must be an integer from 0 to " + Faults.MAX_LATENCY_MS);
            }
        }
        if (rate != null && !rate.isNull()) {
            if (!rate.isNumber() || !(rate.doubleValue() >= 0.0 && rate.doubleValue() <= 1.0)) {
                throw new ApiError(400, "error_rate must be a number from 0.0 to 1.0");
            }
        }
        // validate both before changing either, so a bad request changes nothing
        boolean changed = false;
        if (latency != null && !latency.isNull()) {
            faults.setLatencyMs(latency.intValue());
            changed = true;
        }
        if (rate != null && !rate.isNull()) {
            faults.setErrorRate(rate.doubleValue());
            changed = true;
        }
        if (changed) {
            LOG.info("Faults now: latency {} ms, error rate {}", faults.latencyMs(), faults.errorRate());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("latency_ms", faults.latencyMs());
        body.put("error_rate", faults.errorRate());
        return Reply.ok(body);
    }
}
