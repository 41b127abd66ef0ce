package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.FlagGroups;
import io.flanks.console.api.Flags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthClassifierTest {

    static CredentialStatus status(Boolean pending, Boolean blocked, String reset, String sca, String tx, boolean errored) {
        FlagGroups err = errored
                ? new FlagGroups(new Flags(Map.of("auth", true, "account", false)), new Flags(Map.of("account", false)))
                : new FlagGroups(new Flags(Map.of("auth", false, "account", false)), new Flags(Map.of("account", false)));
        return new CredentialStatus(pending, blocked, reset, sca, tx, "bbva", null, null, null, null, null, err,
                FlagGroups.UNKNOWN, "{}");
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(status(false, true, "r", "s", "t", true), Health.BLOCKED),
                Arguments.of(status(true, true, null, null, null, false), Health.BLOCKED),
                Arguments.of(status(false, false, "r", "s", "t", true), Health.NEEDS_SCA),
                Arguments.of(status(true, false, null, "s", null, false), Health.NEEDS_SCA),
                Arguments.of(status(false, false, "r", null, "t", true), Health.RESET_OPEN),
                Arguments.of(status(false, false, null, null, "t", true), Health.TRANSACTION_OPEN),
                Arguments.of(status(true, false, null, null, "t", false), Health.TRANSACTION_OPEN),
                Arguments.of(status(true, false, null, null, null, true), Health.PENDING),
                Arguments.of(status(false, false, null, null, null, true), Health.ERRORS),
                Arguments.of(status(false, false, null, null, null, false), Health.HEALTHY),
                // unknown flags are never read as "fine"
                Arguments.of(status(null, false, null, null, null, false), Health.UNKNOWN),
                Arguments.of(status(false, null, null, null, null, false), Health.UNKNOWN),
                Arguments.of(status(null, null, null, null, null, false), Health.UNKNOWN),
                // but a known problem still shows when other flags are unknown
                Arguments.of(status(null, null, null, "s", null, false), Health.NEEDS_SCA),
                Arguments.of(status(false, null, null, null, null, true), Health.ERRORS));
    }

    @ParameterizedTest
    @MethodSource("precedence")
    void classifiesByPrecedence(CredentialStatus s, Health expected) {
        assertThat(HealthClassifier.classify(s)).isEqualTo(expected);
    }

    @Test
    void noStatusIsUnknown() {
        assertThat(HealthClassifier.classify(null)).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void everyCombinationFollowsThePrecedenceRule() {
        // exhaustive over the inputs that matter: 3 x 3 booleans, 3 tokens, errored yes/no
        Boolean[] tri = {null, false, true};
        List<String> seen = new ArrayList<>();
        for (Boolean pending : tri) {
            for (Boolean blocked : tri) {
                for (int tokens = 0; tokens < 8; tokens++) {
                    for (boolean err : new boolean[] {false, true}) {
                        String reset = (tokens & 1) != 0 ? "r" : null;
                        String sca = (tokens & 2) != 0 ? "s" : null;
                        String tx = (tokens & 4) != 0 ? "t" : null;
                        Health h = HealthClassifier.classify(status(pending, blocked, reset, sca, tx, err));
                        Health expected = Boolean.TRUE.equals(blocked) ? Health.BLOCKED
                                : sca != null ? Health.NEEDS_SCA
                                : reset != null ? Health.RESET_OPEN
                                : tx != null ? Health.TRANSACTION_OPEN
                                : Boolean.TRUE.equals(pending) ? Health.PENDING
                                : err ? Health.ERRORS
                                : Boolean.FALSE.equals(blocked) && Boolean.FALSE.equals(pending) ? Health.HEALTHY
                                : Health.UNKNOWN;
                        assertThat(h).as("pending=%s blocked=%s tokens=%d err=%s", pending, blocked, tokens, err)
                                .isEqualTo(expected);
                        seen.add(h.name());
                    }
                }
            }
        }
        assertThat(seen).contains(java.util.Arrays.stream(Health.values()).map(Enum::name).toArray(String[]::new));
    }
}
