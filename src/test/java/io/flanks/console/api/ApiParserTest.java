package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every liberal-reading rule of NOTES.md. */
class ApiParserTest {
    private final ApiParser parser = new ApiParser();
    private static final ObjectMapper M = new ObjectMapper();

    private static final String FULL = """
            {
              "pending": false,
              "blocked": true,
              "reset_token": "rst-1",
              "last_transaction_date": "2024-05-01",
              "sca_token": null,
              "transaction_token": null,
              "name": "testbank",
              "last_update": "2024-05-02",
              "time": "13:45",
              "last_update_timestamp": 1714657500,
              "created_at_timestamp": 1700000000,
              "errored": {
                "product": {"auth": true, "account": false, "card": false, "portfolio": false,
                            "investment": false, "liability": false, "holders": false},
                "transactions": {"account": true, "card": false, "investment": false, "liability": false}
              },
              "created": {
                "product": {"auth": true, "account": true, "card": true, "portfolio": true,
                            "investment": true, "liability": true, "holders": true},
                "transactions": {"account": true, "card": true, "investment": true, "liability": true}
              }
            }""";

    @Test
    void readsTheDocumentedShape() throws Exception {
        CredentialStatus st = parser.status(FULL);

        assertThat(st.pending()).isFalse();
        assertThat(st.blocked()).isTrue();
        assertThat(st.resetToken()).isEqualTo("rst-1");
        assertThat(st.scaToken()).isNull();
        assertThat(st.transactionToken()).isNull();
        assertThat(st.name()).isEqualTo("testbank");
        assertThat(st.lastUpdate()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(st.time()).isEqualTo(LocalTime.of(13, 45));
        assertThat(st.lastTransactionDate()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(st.lastUpdateTimestamp()).isEqualTo(Instant.ofEpochSecond(1714657500));
        assertThat(st.createdAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(st.errored().product().get("auth")).isTrue();
        assertThat(st.errored().product().get("account")).isFalse();
        assertThat(st.errored().transactions().get("account")).isTrue();
        assertThat(st.errored().countTrue()).isEqualTo(2);
        assertThat(st.created().countTrue()).isEqualTo(11);
        assertThat(st.flowToken(ForceKind.RESET)).isEqualTo("rst-1");
    }

    @Test
    void transactionAndTransactionsKeysReadTheSame() throws Exception {
        String plural = "{\"created\": {\"transactions\": {\"account\": true, \"card\": false}}}";
        String singular = "{\"created\": {\"transaction\": {\"account\": true, \"card\": false}}}";

        Flags a = parser.status(plural).created().transactions();
        Flags b = parser.status(singular).created().transactions();

        assertThat(a.get("account")).isTrue();
        assertThat(a.get("card")).isFalse();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aNullTransactionsKeyFallsBackToTheSingular() throws Exception {
        Flags f = parser.status("{\"errored\": {\"transactions\": null, \"transaction\": {\"card\": true}}}")
                .errored().transactions();
        assertThat(f.get("card")).isTrue();
    }

    @Test
    void aMissingFlagIsUnknownNotFalse() throws Exception {
        CredentialStatus st = parser.status("{\"created\": {\"product\": {\"auth\": false}}}");

        assertThat(st.pending()).as("pending missing").isNull();
        assertThat(st.blocked()).as("blocked missing").isNull();
        assertThat(st.created().product().get("auth")).isFalse();
        assertThat(st.created().product().get("account")).as("account missing").isNull();
        assertThat(st.created().product().values()).containsOnlyKeys("auth");
        assertThat(st.created().transactions()).isEqualTo(Flags.UNKNOWN);
        assertThat(st.errored()).isEqualTo(FlagGroups.UNKNOWN);
    }

    @Test
    void aNullOrUnreadableFlagIsUnknown() throws Exception {
        CredentialStatus st = parser.status(
                "{\"pending\": null, \"blocked\": \"maybe\", \"created\": {\"product\": {\"auth\": null, \"card\": [true]}}}");

        assertThat(st.pending()).isNull();
        assertThat(st.blocked()).isNull();
        assertThat(st.created().product().values()).isEmpty();
    }

    @Test
    void flowTokensMayBeNullOrStrings() throws Exception {
        CredentialStatus none = parser.status("{\"reset_token\": null, \"sca_token\": null, \"transaction_token\": null}");
        CredentialStatus all = parser.status("{\"reset_token\": \"r\", \"sca_token\": \"s\", \"transaction_token\": \"t\"}");

        for (ForceKind k : ForceKind.values()) {
            assertThat(none.flowToken(k)).isNull();
        }
        assertThat(all.flowToken(ForceKind.RESET)).isEqualTo("r");
        assertThat(all.flowToken(ForceKind.SCA)).isEqualTo("s");
        assertThat(all.flowToken(ForceKind.TRANSACTION)).isEqualTo("t");
    }

    @Test
    void timestampsInSecondsAndMillisecondsGiveTheSameInstant() throws Exception {
        CredentialStatus seconds = parser.status("{\"last_update_timestamp\": 1714657500, \"created_at_timestamp\": 1700000000}");
        CredentialStatus millis = parser.status(
                "{\"last_update_timestamp\": 1714657500000, \"created_at_timestamp\": 1700000000000}");

        assertThat(millis.lastUpdateTimestamp()).isEqualTo(seconds.lastUpdateTimestamp())
                .isEqualTo(Instant.parse("2024-05-02T13:45:00Z"));
        assertThat(millis.createdAt()).isEqualTo(seconds.createdAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
    }

    @Test
    void theMillisecondThresholdIsTenToTheEleven() throws Exception {
        // 10^11 s would be the year 5138: just above is read as ms, at or below as seconds
        assertThat(parser.status("{\"created_at_timestamp\": 100000000001}").createdAt())
                .isEqualTo(Instant.ofEpochMilli(100_000_000_001L));
        assertThat(parser.status("{\"created_at_timestamp\": 99999999999}").createdAt())
                .isEqualTo(Instant.ofEpochSecond(99_999_999_999L));
        assertThat(parser.status("{\"created_at_timestamp\": 1714657500123}").createdAt())
                .isEqualTo(Instant.parse("2024-05-02T13:45:00.123Z"));
    }

    @Test
    void oddTimestampsAreUnknown() throws Exception {
        assertThat(parser.status("{\"created_at_timestamp\": 0}").createdAt()).isNull();
        assertThat(parser.status("{\"created_at_timestamp\": -5}").createdAt()).isNull();
        assertThat(parser.status("{\"created_at_timestamp\": \"soon\"}").createdAt()).isNull();
        assertThat(parser.status("{\"created_at_timestamp\": \"1700000000\"}").createdAt())
                .isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(parser.status("{\"created_at_timestamp\": 1e300}").createdAt()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"last_update\": null, \"time\": null, \"last_transaction_date\": null}",
            "{\"last_update\": \"\", \"time\": \"later\", \"last_transaction_date\": \"n/a\"}"})
    void datesAndTimeMayBeMissingOrNull(String json) throws Exception {
        CredentialStatus st = parser.status(json);

        assertThat(st.lastUpdate()).isNull();
        assertThat(st.time()).isNull();
        assertThat(st.lastTransactionDate()).isNull();
        assertThat(st.lastUpdateInstant()).isNull();
    }

    @Test
    void lastUpdateInstantFallsBackToDateAndUtcTime() throws Exception {
        assertThat(parser.status("{\"last_update\": \"2024-05-02\", \"time\": \"13:45\"}").lastUpdateInstant())
                .isEqualTo(Instant.parse("2024-05-02T13:45:00Z"));
        assertThat(parser.status("{\"last_update\": \"2024-05-02\"}").lastUpdateInstant())
                .isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(parser.status("{\"last_update\": \"2024-05-02\", \"last_update_timestamp\": 1714600000}")
                .lastUpdateInstant()).isEqualTo(Instant.ofEpochSecond(1714600000));
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        CredentialStatus st = parser.status("{\"pending\": true, \"future_field\": {\"deep\": [1, 2, {\"x\": null}]},"
                + " \"errored\": {\"product\": {\"auth\": false, \"crypto\": true}, \"extra\": {}}}");

        assertThat(st.pending()).isTrue();
        assertThat(st.errored().product().values()).containsOnlyKeys("auth");
    }

    @Test
    void wrongTypesAreReadLiberallyWhereTheMeaningIsClear() throws Exception {
        CredentialStatus st = parser.status("{\"pending\": \"true\", \"blocked\": 0, \"name\": 123,"
                + " \"reset_token\": 456, \"sca_token\": {\"x\": 1}}");

        assertThat(st.pending()).isTrue();
        assertThat(st.blocked()).isFalse();
        assertThat(st.name()).isEqualTo("123");
        assertThat(st.resetToken()).isEqualTo("456");
        assertThat(st.scaToken()).as("an object is not a token").isNull();
    }

    @Test
    void rawJsonIsTheReceivedObject() throws Exception {
        CredentialStatus st = parser.status(FULL);

        assertThat(M.readTree(st.rawJson())).isEqualTo(M.readTree(FULL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "[1, 2]", "\"text\"", "42", "<html>oops</html>", "{\"pending\": tr"})
    void aStatusThatIsNotAJsonObjectIsMalformed(String body) {
        assertThatThrownBy(() -> parser.status(body)).isInstanceOf(ApiException.Malformed.class);
    }

    // ---- list --------------------------------------------------------------------------------

    @Test
    void listItemsAreRead() throws Exception {
        ListPage p = parser.listPage("{\"items\": [{\"credentials_token\": \"ct-1\", \"external_id\": \"alias-1\","
                + " \"bank\": \"testbank\", \"status\": {\"pending\": true}}], \"page\": 2, \"pages\": 7}", 2);

        assertThat(p.page()).isEqualTo(2);
        assertThat(p.pages()).isEqualTo(7);
        assertThat(p.items()).singleElement().satisfies(it -> {
            assertThat(it.credentialsToken()).isEqualTo("ct-1");
            assertThat(it.externalId()).isEqualTo("alias-1");
            assertThat(it.bank()).isEqualTo("testbank");
            assertThat(it.status().pending()).isTrue();
            assertThat(it.statusText()).isNull();
        });
    }

    @Test
    void anItemWithAStringStatusIsKeptWithStatusText() throws Exception {
        ListPage p = parser.listPage("{\"items\": [{\"credentials_token\": \"ct-1\", \"external_id\": null,"
                + " \"bank\": \"testbank\", \"status\": \"FINISHED\"}]}", 1);

        CredentialItem it = p.items().get(0);
        assertThat(it.status()).isNull();
        assertThat(it.statusText()).isEqualTo("FINISHED");
        assertThat(it.externalId()).isNull();
    }

    @Test
    void anItemWithoutStatusIsKeptWithNeither() throws Exception {
        CredentialItem it = parser.listPage("{\"items\": [{\"credentials_token\": \"ct-1\"}]}", 1).items().get(0);

        assertThat(it.status()).isNull();
        assertThat(it.statusText()).isNull();
        assertThat(it.bank()).isNull();
    }

    @Test
    void theBankFallsBackToTheStatusName() throws Exception {
        CredentialItem it = parser.listPage(
                "{\"items\": [{\"credentials_token\": \"ct-1\", \"status\": {\"name\": \"caixa\"}}]}", 1).items().get(0);
        assertThat(it.bank()).isEqualTo("caixa");
    }

    @Test
    void oddItemsAreSkippedAndTheRestOfThePageKept() throws Exception {
        ListPage p = parser.listPage("{\"items\": [" + "{\"credentials_token\": \"a\"},"
                + " 42, \"b\", null, [], {}, {\"credentials_token\": null}, {\"credentials_token\": \"  \"},"
                + " {\"credentials_token\": {\"x\": 1}}, {\"bank\": \"x\"},"
                + " {\"credentials_token\": \"c\", \"status\": [1]}]}", 1);

        assertThat(p.items()).extracting(CredentialItem::credentialsToken).containsExactly("a", "c");
        assertThat(p.items().get(1).status()).isNull();
        assertThat(p.items().get(1).statusText()).isEqualTo("[1]");
    }

    @Test
    void aTextIsReadByEachReaderOnItsOwnWhenDatesAndTimesAreRemembered() throws Exception {
        // "13:45" is no date (unknown) but is a time; one remembered answer must not serve both
        for (int i = 0; i < 2; i++) {
            CredentialStatus st = parser.status("{\"last_update\": \"13:45\", \"time\": \"13:45\","
                    + " \"last_transaction_date\": \"2024-05-02\"}");
            assertThat(st.lastUpdate()).isNull();
            assertThat(st.time()).isEqualTo(java.time.LocalTime.of(13, 45));
            assertThat(st.lastTransactionDate()).isEqualTo(java.time.LocalDate.of(2024, 5, 2));
            ListPage p = parser.listPage("{\"items\": [{\"credentials_token\": \"t\", \"status\": {\"time\": \"2024-05-02\","
                    + " \"last_update\": \"2024-05-02\"}}]}", 1);
            assertThat(p.items().get(0).status().time()).isNull();
            assertThat(p.items().get(0).status().lastUpdate()).isEqualTo(java.time.LocalDate.of(2024, 5, 2));
        }
    }

    @Test
    void anItemsStatusKeepsNoRawCopyAndSharesRepeatedValues() throws Exception {
        String status = "{\"pending\": false, \"name\": \"BBVA\", \"last_update\": \"2024-05-02\", \"time\": \"13:45:00\","
                + " \"errored\": {\"product\": {\"auth\": true}}, \"unknown\": [1, {\"a\": null}]}";
        ListPage p = parser.listPage("{\"items\": [{\"credentials_token\": \"a\", \"bank\": \"bbva\", \"status\": " + status
                + "}, {\"credentials_token\": \"b\", \"bank\": \"bbva\", \"status\": " + status + "}]}", 1);

        CredentialStatus a = p.items().get(0).status();
        CredentialStatus b = p.items().get(1).status();
        assertThat(a.rawJson()).as("100,000 raw copies would cost ~60 MB; the detail pane fetches one").isNull();
        assertThat(a.pending()).isFalse();
        assertThat(a.errored().product().get("auth")).isTrue();
        // one instance per distinct value across credentials
        assertThat(b.name()).isSameAs(a.name());
        assertThat(b.lastUpdate()).isSameAs(a.lastUpdate());
        assertThat(b.time()).isSameAs(a.time());
        assertThat(b.errored()).isSameAs(a.errored());
        assertThat(p.items().get(1).bank()).isSameAs(p.items().get(0).bank());
    }

    @Test
    void withoutPagingKeysAPageIsTheWholeList() throws Exception {
        ListPage p = parser.listPage("{\"items\": [{\"credentials_token\": \"a\"}]}", 1);

        assertThat(p.page()).isEqualTo(1);
        assertThat(p.pages()).isEqualTo(1);
    }

    @Test
    void aBareArrayIsAWholeList() throws Exception {
        ListPage p = parser.listPage("[{\"credentials_token\": \"a\"}, {\"credentials_token\": \"b\"}]", 1);

        assertThat(p.items()).extracting(CredentialItem::credentialsToken).containsExactly("a", "b");
        assertThat(p.pages()).isEqualTo(1);
    }

    @Test
    void oddPagingValuesFallBackToOnePage() throws Exception {
        assertThat(parser.listPage("{\"items\": [], \"page\": 1, \"pages\": 0}", 1).pages()).isEqualTo(1);
        assertThat(parser.listPage("{\"items\": [], \"page\": 1, \"pages\": -3}", 1).pages()).isEqualTo(1);
        assertThat(parser.listPage("{\"items\": [], \"page\": 1, \"pages\": \"x\"}", 1).pages()).isEqualTo(1);
        assertThat(parser.listPage("{\"items\": [], \"page\": 1, \"pages\": \"4\"}", 1).pages()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"items\": {\"credentials_token\": \"a\"}}", "{\"items\": \"none\"}", "{}",
            "{\"results\": []}", "null", "42", "<html></html>", "{\"items\": [{\"credentials_token\": \"a\"}"})
    void aListWithoutAnItemsArrayIsMalformed(String body) {
        assertThatThrownBy(() -> parser.listPage(body, 1)).isInstanceOf(ApiException.Malformed.class);
    }

    /** What {@code listPage(bytes)} gives, or the Malformed message it throws. */
    private Object fromBytes(byte[] body) {
        try {
            return parser.listPage(body, 2);
        } catch (ApiException.Malformed e) {
            return "Malformed: " + e.getMessage();
        }
    }

    /** What {@code listPage} gives for those bytes decoded as UTF-8, as the client did before reading bytes. */
    private Object decoded(byte[] body) {
        try {
            return parser.listPage(new String(body, java.nio.charset.StandardCharsets.UTF_8), 2);
        } catch (ApiException.Malformed e) {
            return "Malformed: " + e.getMessage();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"items\": [{\"credentials_token\": \"ct-ñ\", \"external_id\": \"Caixa Galícia 🏦\", \"bank\": \"bbva\","
                    + " \"status\": {\"blocked\": true, \"name\": \"Ibercaja\"}}], \"page\": 2, \"pages\": 7}",
            "{\"items\": [{\"credentials_token\": \"a\"}], \"x\": {\"deep\": [1, \"é\"]}}",
            "[{\"credentials_token\": \"a\"}]", "  {\"items\": []}", "{\"items\": \"none\"}", "{}", "<html></html>",
            "{\"items\": [{\"credentials_token\": \"a\"}"})
    void aPageReadFromBytesIsThePageReadFromTheirText(String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(fromBytes(bytes)).isEqualTo(decoded(bytes));
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsTheirDecodedTextIs() throws Exception {
        byte[] latin1 = "{\"items\": [{\"credentials_token\": \"a\", \"external_id\": \"Galícia\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); // the í is not UTF-8
        byte[] utf16 = "{\"items\": [{\"credentials_token\": \"a\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] bom = ("\uFEFF{\"items\": [{\"credentials_token\": \"a\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(fromBytes(latin1)).isEqualTo(decoded(latin1));
        assertThat(((ListPage) fromBytes(latin1)).items().get(0).externalId()).isEqualTo("Gal\uFFFDcia");
        // Jackson would guess UTF-16 from the zero bytes and read the page; as text it is not JSON
        assertThat(fromBytes(utf16)).isEqualTo(decoded(utf16)).asString().startsWith("Malformed");
        assertThat(fromBytes(bom)).isEqualTo(decoded(bom));
    }

    // ---- banks, force, errors ----------------------------------------------------------------

    @Test
    void banksAreRead() throws Exception {
        List<Bank> banks = parser.banks("[{\"id\": \"testbank\", \"name\": \"TestBank\"}, {\"id\": \"caixa\"},"
                + " {\"name\": \"no id\"}, 7, \"bbva\", {\"id\": \"x\", \"name\": null, \"country\": \"ES\"}]");

        assertThat(banks).containsExactly(new Bank("testbank", "TestBank"), new Bank("caixa", "caixa"),
                new Bank("bbva", "bbva"), new Bank("x", "x"));
    }

    @Test
    void banksInsideItemsAreRead() throws Exception {
        assertThat(parser.banks("{\"items\": [{\"id\": \"a\", \"name\": \"A\"}]}")).containsExactly(new Bank("a", "A"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"a\"}", "{\"items\": {}}", "\"a\"", "<html>"})
    void banksThatAreNotAListAreMalformed(String body) {
        assertThatThrownBy(() -> parser.banks(body)).isInstanceOf(ApiException.Malformed.class);
    }

    @ParameterizedTest
    @EnumSource(ForceKind.class)
    void aForceResultCarriesItsToken(ForceKind kind) throws Exception {
        assertThat(parser.forceResult(kind, "{\"" + kind.tokenField() + "\": \"tok\", \"other\": 1}"))
                .isEqualTo(new ForceResult(kind, "tok"));
    }

    @ParameterizedTest
    @EnumSource(ForceKind.class)
    void aForceResultWithoutItsTokenKeyIsMalformed(ForceKind kind) {
        String other = kind == ForceKind.SCA ? "reset_token" : "sca_token";
        assertThatThrownBy(() -> parser.forceResult(kind, "{\"" + other + "\": \"tok\"}"))
                .isInstanceOfSatisfying(ApiException.Malformed.class,
                        e -> assertThat(e.getMessage()).contains(kind.tokenField()));
        assertThatThrownBy(() -> parser.forceResult(kind, "{\"" + kind.tokenField() + "\": null}"))
                .isInstanceOf(ApiException.Malformed.class);
        assertThatThrownBy(() -> parser.forceResult(kind, "[\"tok\"]")).isInstanceOf(ApiException.Malformed.class);
    }

    @Test
    void errorMessagesAreReadFromErrorOrMessage() {
        assertThat(parser.errorMessage("{\"error\": \"Internal Error\"}")).isEqualTo("Internal Error");
        assertThat(parser.errorMessage("{\"message\": \"Successfully deleted\"}")).isEqualTo("Successfully deleted");
        assertThat(parser.errorMessage("<html>")).isNull();
        assertThat(parser.errorMessage("")).isNull();
        assertThat(parser.errorMessage("[\"error\"]")).isNull();
    }

    @Test
    void malformedDetailsKeepAtMostTheStartOfTheBody() {
        String body = "<html>" + "y".repeat(10_000);
        assertThatThrownBy(() -> parser.status(body))
                .isInstanceOfSatisfying(ApiException.Malformed.class, e -> {
                    assertThat(e.details()).startsWith("<html>yyy");
                    assertThat(e.details()).hasSizeLessThanOrEqualTo(ApiParser.SNIPPET_CHARS + 1);
                });
    }

    @Test
    void statusFromATreeNeverThrows() throws Exception {
        JsonNode n = M.readTree("{\"pending\": [], \"errored\": 5, \"created\": {\"product\": 1, \"transaction\": \"x\"}}");
        CredentialStatus st = parser.status(n);

        assertThat(st.pending()).isNull();
        assertThat(st.errored()).isEqualTo(FlagGroups.UNKNOWN);
        assertThat(st.created()).isEqualTo(FlagGroups.UNKNOWN);
    }
}
