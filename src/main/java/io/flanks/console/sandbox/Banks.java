package io.flanks.console.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The Spanish entities the sandbox offers, weighted roughly by market share. */
final class Banks {

    static final List<Bank> ALL = List.of(
            new Bank("bbva", "BBVA", 16, 85, 30),
            new Bank("santander", "Banco Santander", 16, 85, 30),
            new Bank("caixabank", "CaixaBank", 16, 85, 25),
            new Bank("sabadell", "Banco Sabadell", 8, 80, 20),
            new Bank("bankinter", "Bankinter", 6, 80, 40),
            new Bank("ing", "ING España", 8, 75, 35),
            new Bank("openbank", "Openbank", 5, 80, 35),
            new Bank("kutxabank", "Kutxabank", 4, 75, 0),
            new Bank("unicaja", "Unicaja Banco", 4, 75, 0),
            new Bank("abanca", "ABANCA", 3, 75, 0),
            new Bank("ibercaja", "Ibercaja", 3, 75, 0),
            new Bank("cajamar", "Cajamar", 3, 70, 0),
            new Bank("evo", "EVO Banco", 2, 70, 0),
            new Bank("myinvestor", "MyInvestor", 2, 50, 95),
            new Bank("renta4", "Renta 4 Banco", 1, 20, 95),
            new Bank("testbank", "TestBank", 3, 90, 50));

    private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(Bank::weight).sum();

    private Banks() {
    }

    static Bank pick(RandomGenerator random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (Bank bank : ALL) {
            ticket -= bank.weight();
            if (ticket < 0) {
                return bank;
            }
        }
        throw new IllegalStateException("bank weights out of step");
    }

    /** The body of GET /v0/bank/available. */
    static List<Map<String, String>> available() {
        List<Map<String, String>> list = new ArrayList<>(ALL.size());
        for (Bank bank : ALL) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", bank.id());
            entry.put("name", bank.name());
            list.add(entry);
        }
        return list;
    }
}
