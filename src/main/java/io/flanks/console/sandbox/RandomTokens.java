package io.flanks.console.sandbox;

import java.util.random.RandomGenerator;

/** Lowercase hex strings, as the vendor's tokens look. */
final class RandomTokens {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RandomTokens() {
    }

    static String hex(RandomGenerator random, int length) {
        char[] chars = new char[length];
        long bits = 0;
        int left = 0;
        for (int i = 0; i < length; i++) {
            if (left == 0) {
                bits = random.nextLong();
                left = 16;
            }
            chars[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
            left--;
        }
        return new String(chars);
    }
}
