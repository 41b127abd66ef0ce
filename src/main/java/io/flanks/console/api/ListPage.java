package io.flanks.console.api;

import java.util.List;

/** One page of the list call; {@code pages} is 1 when the server sent no paging keys. */
public record ListPage(List<CredentialItem> items, int page, int pages) {
    public ListPage {
        items = List.copyOf(items);
    }
}
