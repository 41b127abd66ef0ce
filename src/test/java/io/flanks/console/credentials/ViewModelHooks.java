package io.flanks.console.credentials;

/** For tests in other packages: the view-model's package-private test settings. */
public final class ViewModelHooks {
    private ViewModelHooks() {
    }

    /** From how many rows a new sort order is sorted in the background. */
    public static void sortInBackgroundFrom(CredentialsViewModel vm, int rowCount) {
        vm.setSortInBackgroundFrom(rowCount);
    }
}
