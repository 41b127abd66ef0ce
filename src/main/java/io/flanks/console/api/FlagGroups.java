package io.flanks.console.api;

/** The {@code created} or {@code errored} object: a product group and a transaction group. */
public record FlagGroups(Flags product, Flags transactions) {

    public static final FlagGroups UNKNOWN = new FlagGroups(Flags.UNKNOWN, Flags.UNKNOWN);

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
