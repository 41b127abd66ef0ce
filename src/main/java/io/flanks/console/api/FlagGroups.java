package io.flanks.console.api;

/** The {@code created} or {@code errored} object: a product group and a transaction group. */
public record FlagGroups(Flags product, Flags transactions) {

    public static final FlagGroups UNKNOWN = new FlagGroups(Flags.UNKNOWN, Flags.UNKNOWN);
    private static final java.util.concurrent.ConcurrentHashMap<FlagGroups, FlagGroups> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The shared instance for these two groups (flags are shared, so there are few pairs). */
    public static FlagGroups of(Flags product, Flags transactions) {
        FlagGroups g = new FlagGroups(product, transactions);
        FlagGroups known = SHARED.putIfAbsent(g, g);
        return known == null ? g : known;
    }

    public FlagGroups {
        product = product == null ? Flags.UNKNOWN : product;
        transactions = transactions == null ? Flags.UNKNOWN : transactions;
    }

    public boolean anyTrue() {
        return product.anyTrue() || transactions.anyTrue();
    }

    public long countTrue() {
        return product.countTrue() + transactions.countTrue();
    }
}
