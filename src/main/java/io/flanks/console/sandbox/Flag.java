package io.flanks.console.sandbox;

/**
 * The flags of the vendor's {@code errored} and {@code created} objects, in the vendor's key
 * order. A credential keeps each set of flags as one bit mask, which keeps 100,000 of them small.
 */
enum Flag {
    AUTH(Group.PRODUCT, "auth"),
    ACCOUNT(Group.PRODUCT, "account"),
    CARD(Group.PRODUCT, "card"),
    PORTFOLIO(Group.PRODUCT, "portfolio"),
    INVESTMENT(Group.PRODUCT, "investment"),
    LIABILITY(Group.PRODUCT, "liability"),
    HOLDERS(Group.PRODUCT, "holders"),
    TX_ACCOUNT(Group.TRANSACTIONS, "account"),
    TX_CARD(Group.TRANSACTIONS, "card"),
    TX_INVESTMENT(Group.TRANSACTIONS, "investment"),
    TX_LIABILITY(Group.TRANSACTIONS, "liability");

    enum Group {
        PRODUCT("product"),
        TRANSACTIONS("transactions");

        final String key;

        Group(String key) {
            this.key = key;
        }
    }

    final Group group;
    final String key;
    final int bit;

    Flag(Group group, String key) {
        this.group = group;
        this.key = key;
        this.bit = 1 << ordinal();
    }

    static int mask(Flag... flags) {
        int mask = 0;
        for (Flag flag : flags) {
            mask |= flag.bit;
        }
        return mask;
    }
}
