package org.collapselab.experiments.store;

/** Child process for the kill and concurrency tests: writes cells and reports each commit on stdout. */
public final class StoreWriterMain {
    private StoreWriterMain() {}

    public static void main(String[] args) throws Exception {
        java.nio.file.Path db = java.nio.file.Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        boolean hang = args.length > 3 && args[3].equals("hang");
        ResultStore store = ResultStore.open(db); // deliberately never closed
        for (int i = 0; i < count; i++) {
            String key = prefix + "-" + i;
            store.put(StoredCell.now(key, "exp-" + prefix, "{\"i\":" + i + "}", "{\"error\":" + (i * 0.5) + "}", 0.01));
            System.out.println("ok " + key);
            System.out.flush();
        }
        if (hang) {
            Thread.sleep(600_000);
        }
        System.exit(0);
    }
}
