package io.flanks.console.sandbox;

import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the credentials a support desk would see. Everything but the times comes from
 * {@code (count, seed)} alone; times are offsets from {@code now}.
 *
 * <p>Kinds are dealt as exact shares and shuffled rather than drawn one by one, so even a
 * small set has at least one of each and a test can rely on it for any seed.
 */
final class DataSetGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DataSetGenerator.class);

    private static final long MINUTE = 60L;
    private static final long HOUR = 3_600L;
    private static final long DAY = 86_400L;
    /** Below this, the exact shares would round to nothing; keep small sets plain. */
    private static final int MIN_FOR_EVERY_KIND = 30;

    enum Kind {
        HEALTHY(0.0),
        PENDING(0.04),
        BLOCKED(0.04),
        SCA(0.03),
        ERRORED(0.07),
        TRANSACTION(0.03),
        RESET_FORCED(0.015);

        final double share;

        Kind(double share) {
            this.share = share;
        }
    }

    private final SplittableRandom random;
    private final long now;

    private DataSetGenerator(long seed, long now) {
        this.random = new SplittableRandom(seed);
        this.now = now;
    }

    /** Credentials in creation order; {@code startedAt} is the server start in epoch seconds. */
    static Credential[] generate(int count, long seed, long startedAt) {
        long t0 = System.nanoTime();
        Credential[] credentials = new DataSetGenerator(seed, startedAt).build(count);
        LOG.debug("Generated {} credentials (seed {}) in {} ms", count, seed, (System.nanoTime() - t0) / 1_000_000);
        return credentials;
    }

    private Credential[] build(int count) {
        Kind[] kinds = dealKinds(count);
        String[] tokens = new String[count];
        Bank[] banks = new Bank[count];
        String[] externalIds = new String[count];
        for (int i = 0; i < count; i++) {
            // unique without a check: each token starts with a fresh 64-bit output of one
            // SplittableRandom stream, and those never repeat (the store still verifies)
            tokens[i] = RandomTokens.hex(random, 40);
            banks[i] = Banks.pick(random);
            externalIds[i] = externalId();
        }
        addDuplicates(banks, externalIds);

        Credential[] credentials = new Credential[count];
        for (int i = 0; i < count; i++) {
            credentials[i] = credential(i, kinds[i], tokens[i], banks[i], externalIds[i]);
        }
        return credentials;
    }

    private Kind[] dealKinds(int count) {
        Kind[] kinds = new Kind[count];
        int next = 0;
        for (Kind kind : Kind.values()) {
            int share = (int) Math.round(count * kind.share);
            if (kind != Kind.HEALTHY && share == 0 && count >= MIN_FOR_EVERY_KIND) {
                share = 1;
            }
            for (int j = 0; j < share && next < count; j++) {
                kinds[next++] = kind;
            }
        }
        while (next < count) {
            kinds[next++] = Kind.HEALTHY;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Kind swap = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = swap;
        }
        return kinds;
    }

    /** The alias a customer's app passed to the Link; about one in ten has none. */
    private String externalId() {
        int style = random.nextInt(100);
        if (style < 10) {
            return null;
        }
        if (style < 45) {
            return "user-" + random.nextInt(1_000, 10_000);
        }
        if (style < 80) {
            return "cust-" + random.nextInt(10_000, 100_000);
        }
        if (style < 92) {
            return "crm-" + random.nextInt(100_000, 1_000_000);
        }
        return "ext-" + RandomTokens.hex(random, 8);
    }

    /** Someone linked the same account twice: same bank and same alias, new token. */
    private void addDuplicates(Bank[] banks, String[] externalIds) {
        int count = banks.length;
        if (count < 10) {
            return;
        }
        int duplicates = Math.max(1, count / 100);
        for (int d = 0; d < duplicates; d++) {
            int copy = random.nextInt(1, count);
            for (int attempt = 0; attempt < 20; attempt++) {
                int original = random.nextInt(copy);
                if (externalIds[original] != null) {
                    banks[copy] = banks[original];
                    externalIds[copy] = externalIds[original];
                    break;
                }
            }
        }
    }

    private Credential credential(int position, Kind kind, String token, Bank bank, String externalId) {
        int products = products(bank);
        long createdAt = kind == Kind.PENDING
                ? now - random.nextLong(5, 10 * MINUTE)
                : now - random.nextLong(3 * DAY, 730 * DAY);
        Credential credential = new Credential(position, token, bank.id(), externalId, createdAt, products);
        if (kind == Kind.PENDING) {
            credential.startPending(now + random.nextLong(3, 21));
            return credential;
        }
        long lastUpdate = switch (kind) {
            case BLOCKED -> now - random.nextLong(14 * DAY, 60 * DAY);
            case SCA -> now - random.nextLong(DAY, 10 * DAY);
            default -> now - random.nextLong(5 * MINUTE, 3 * DAY);
        };
        lastUpdate = Math.max(lastUpdate, createdAt + random.nextLong(10 * MINUTE, HOUR));
        long lastTransaction = lastUpdate - random.nextLong(0, 4 * DAY);
        credential.extracted(lastUpdate, Math.floorDiv(lastTransaction, DAY));
        switch (kind) {
            case BLOCKED -> credential.block(RandomTokens.hex(random, 32));
            case SCA -> credential.open(Flow.SCA, RandomTokens.hex(random, 32));
            case ERRORED -> credential.fail(someProducts(products));
            case TRANSACTION -> credential.open(Flow.TRANSACTION, RandomTokens.hex(random, 32));
            case RESET_FORCED -> credential.open(Flow.RESET, RandomTokens.hex(random, 32));
            default -> {
                // healthy: nothing more to say
            }
        }
        return credential;
    }

    /** What this customer holds at this bank: savings banks sell no investments, brokers few cards. */
    private int products(Bank bank) {
        int mask = Flag.mask(Flag.AUTH, Flag.ACCOUNT, Flag.HOLDERS, Flag.TX_ACCOUNT);
        if (random.nextInt(100) < bank.cardPercent()) {
            mask |= Flag.mask(Flag.CARD, Flag.TX_CARD);
        }
        if (random.nextInt(100) < 35) {
            mask |= Flag.mask(Flag.LIABILITY, Flag.TX_LIABILITY);
        }
        if (random.nextInt(100) < bank.investPercent()) {
            mask |= Flag.mask(Flag.PORTFOLIO, Flag.INVESTMENT, Flag.TX_INVESTMENT);
        }
        return mask;
    }

    /** One to three of the created flags other than auth (an auth error means blocked). */
    private int someProducts(int products) {
        Flag[] candidates = new Flag[Flag.values().length];
        int n = 0;
        for (Flag flag : Flag.values()) {
            if (flag != Flag.AUTH && (products & flag.bit) != 0) {
                candidates[n++] = flag;
            }
        }
        int wanted = Math.min(n, 1 + random.nextInt(3));
        int mask = 0;
        for (int i = 0; i < wanted; i++) {
            int j = i + random.nextInt(n - i);
            Flag swap = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = swap;
            mask |= candidates[i].bit;
        }
        return mask;
    }
}
