package io.flanks.console.sandbox;

import java.util.EnumSet;
import java.util.Set;

/** The flows that need the end user: the {@code force} values of the status PUT. */
enum Flow {
    SCA("sca", "sca_token"),
    RESET("reset", "reset_token"),
    TRANSACTION("transaction", "transaction_token");

    final String value;
    final String tokenKey;

    Flow(String value, String tokenKey) {
        this.value = value;
        this.tokenKey = tokenKey;
    }

    /** The flow named exactly {@code value}, or null. The vendor documents lowercase only. */
    static Flow parse(String value) {
        for (Flow flow : values()) {
            if (flow.value.equals(value)) {
                return flow;
            }
        }
        return null;
    }

    /** For /sandbox/complete: one flow, or {@code "all"}; null when unknown. */
    static Set<Flow> parseSet(String value) {
        if ("all".equals(value)) {
            return EnumSet.allOf(Flow.class);
        }
        Flow flow = parse(value);
        return flow == null ? null : EnumSet.of(flow);
    }
}
