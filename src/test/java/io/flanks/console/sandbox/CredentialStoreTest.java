package io.flanks.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CredentialStoreTest {

    private final CredentialStore store = new CredentialStore(credentials(10));

    @Test
    void pagesInCreationOrder() {
        assertThat(tokens(store.page(1, 4))).containsExactly("t0", "t1", "t2", "t3");
        assertThat(tokens(store.page(3, 4))).containsExactly("t8", "t9");
        assertThat(store.page(3, 4).pages()).isEqualTo(3);
        assertThat(store.page(4, 4).items()).isEmpty();
    }

    @Test
    void deletionsShiftLaterPagesWithoutGapsOrRepeats() {
        assertThat(store.delete("t1")).isTrue();
        assertThat(store.delete("t4")).isTrue();
        assertThat(store.delete("t4")).isFalse();

        assertThat(tokens(store.page(1, 4))).containsExactly("t0", "t2", "t3", "t5");
        assertThat(tokens(store.page(2, 4))).containsExactly("t6", "t7", "t8", "t9");
        assertThat(store.page(2, 4).pages()).isEqualTo(2);
        assertThat(store.size()).isEqualTo(8);
        assertThat(store.find("t1")).isNull();
    }

    @Test
    void anEmptyStoreHasOneEmptyPage() {
        for (int i = 0; i < 10; i++) {
            store.delete("t" + i);
        }

        CredentialStore.Page page = store.page(1, 4);

        assertThat(page.items()).isEmpty();
        assertThat(page.pages()).isEqualTo(1);
        assertThat(new CredentialStore(new Credential[0]).page(1, 100).pages()).isEqualTo(1);
    }

    private static Credential[] credentials(int count) {
        Credential[] credentials = new Credential[count];
        for (int i = 0; i < count; i++) {
            credentials[i] = new Credential(i, "t" + i, "bbva", null, 0L, Flag.AUTH.bit);
        }
        return credentials;
    }

    private static List<String> tokens(CredentialStore.Page page) {
        return page.items().stream().map(c -> c.token).collect(Collectors.toList());
    }
}
