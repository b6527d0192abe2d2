package gongkai.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * gongkai's benchmark: in one run, on one fresh PostgreSQL, it measures PostgreSQL's own limits
 * (single-row INSERT transactions, a sequential read) and gongkai against them (commands over HTTP,
 * command-to-query lag, replay of every projection over a large history, report queries at that
 * size, each service's peak memory), prints one table and writes it as JSON.
 *
 * <pre>java -jar bench/target/bench-*-exec.jar [--events 1000000] [--seconds 15] [--warmup 15] [--hold 0] [--agencies 200|province] [--only raw,commands,lag,replay,queries,tree] [--personal-data encrypted|plain]</pre>
 * ({@code --hold S} keeps everything running S seconds at the end, to look at the database and services;
 * {@code --only} runs some parts, e.g. {@code --only replay,queries} to work on those: the large history is
 * loaded whenever replay, queries or tree run; {@code tree} times only the agency tree's three targets, with
 * {@code --agencies province}).
 *
 * <p>PostgreSQL runs with {@code fsync=on} and {@code synchronous_commit=on} (the embedded binaries turn
 * both off by default), as gongkai's own embedded database does: every figure is for durable commits,
 * the only kind a clerk may be told "recorded".
 */
public final class Benchmark {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    /** Agencies of the province whose figures change between two looks (a timed variant of the root's board and roll-up). */
    static final int CHANGED_BETWEEN_LOOKS = 10;
    /** Events per agency of the 10M history over 200 agencies: its agency-years are the largest the report is timed on. */
    static final long LARGE_AGENCY_YEARS = 50_000;
    static final String SERVICE_JVM = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        String jvm = options.getOrDefault("jvm", SERVICE_JVM);
        // --personal-data plain: personal fields stored in clear, to set the cost of encrypting them beside it
        Service.encryptPersonalData = !"plain".equals(options.getOrDefault("personal-data", "encrypted"));
        System.out.println("personal data: " + (Service.encryptPersonalData ? "encrypted (AES-256-GCM per case)" : "in clear"));
        java.util.Set<String> only = java.util.Set.of(options.getOrDefault("only", "raw,commands,lag,replay,queries").split(","));
        Files.createDirectories(Path.of("bench-results"));
        Results results = new Results();
        System.out.printf("gongkai benchmark: %d events, %d s windows after %d s warm-up, services with %s%n",
                          events, seconds, warmup, jvm);

        Path dataDirectory = Files.createTempDirectory("gongkai-bench-pg");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                                                         .setDataDirectory(dataDirectory)
                                                         .setCleanDataDirectory(true)
                                                         .setServerConfig("max_connections", "200")
                                                         .setServerConfig("fsync", "on")
                                                         .setServerConfig("synchronous_commit", "on")
                                                         .start()) {
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            Database db = new Database(jdbcUrl);

            System.out.println("\n[1/6] PostgreSQL's own single-row INSERT rate");
            RawBaseline raw = new RawBaseline(db);
            double raw1 = Double.NaN;
            double raw16 = Double.NaN;
            if (only.contains("raw") || only.contains("commands")) {
                raw1 = raw.insertRate(1, warmup, seconds);
                results.add("raw INSERT tx/s, 1 client", raw1, "tx/s");
                raw16 = raw.insertRate(16, warmup, seconds);
                results.add("raw INSERT tx/s, 16 clients", raw16, "tx/s");
            }

            if (only.contains("commands") || only.contains("lag")) {
                liveLoad(results, only, jdbcUrl, dataDirectory, jvm, warmup, seconds, raw1, raw16);
            }
            boolean queries = only.contains("queries");
            // "tree": the agency tree's three targets only (roll-ups of the root and a county, the root's board)
            boolean tree = queries || only.contains("tree");
            if (!only.contains("replay") && !queries && !tree) {
                finish(results, events, seconds, warmup);
                return;
            }

            if (!only.contains("commands") && !only.contains("lag")) {
                // The command side's migrations create the event table: start it once before loading.
                try (Service migrating = Service.start("command-side", "command-side", freePort(), jdbcUrl, ADMIN_PASSWORD, jvm)) {
                    System.out.println("  (command side started once to migrate the schema)");
                }
            }
            System.out.printf("%n[4/6] Loading %d events through the event store%n", events);
            boolean province = "province".equals(options.get("agencies"));
            BulkLoad bulk = new BulkLoad(db, province ? BulkLoad.provinceSize()
                                                      : Integer.parseInt(options.getOrDefault("agencies", "200")));
            if (province) {
                bulk.loadProvince();
            }
            BulkLoad.Loaded loaded = bulk.load(events);
            results.add("events appended through the storage engine", loaded.events(), "events");
            results.add("append rate (batches of 1000)", loaded.eventsPerSecond(), "events/s");
            double readRate = raw.sequentialReadRate();
            results.add("raw sequential JDBC read of the event table", readRate, "rows/s");

            System.out.println("\n[5/6] Replay of every projection from the first event");
            db.resetQuerySide();
            long[] started = new long[1];
            double replayRate;
            // timed from the query side's start: the command side, up before it, has no part in a replay
            try (Service commandSide = Service.start("command-side", "command-side", freePort(), jdbcUrl, ADMIN_PASSWORD, jvm);
                 Service querySide = startedAt(started, () -> Service.start("query-side", "query-side", freePort(), jdbcUrl,
                                                                            ADMIN_PASSWORD, jvm))) {
                CpuTime cpu = new CpuTime().part("query side", () -> CpuTime.withDescendants(querySide.handle()))
                                           .postgres("PostgreSQL", dataDirectory);
                Map<String, Double> cpuBefore = cpu.seconds();
                Map<String, Double> machineBefore = CpuTime.machine();
                long head = db.head();
                db.awaitProcessorsAt(head);
                double rebuildSeconds = (System.nanoTime() - started[0]) / 1e9;
                db.awaitProjectionsAt(head);
                double replaySeconds = (System.nanoTime() - started[0]) / 1e9;
                Map<String, Double> cpuAfter = cpu.seconds();
                Map<String, Double> machineAfter = CpuTime.machine();
                cpuAfter.forEach((part, used) -> results.add("replay CPU of " + part + " (after its start)",
                                                             used - cpuBefore.getOrDefault(part, 0.0), "s"));
                // Whether the replay kept the machine's cores busy or waited (for the disk, for a lock):
                // each share of the cores' time while it ran.
                double machineSeconds = machineAfter.keySet().stream()
                        .mapToDouble(k -> machineAfter.get(k) - machineBefore.getOrDefault(k, 0.0)).sum();
                machineAfter.forEach((kind, used) -> results.add(
                        "replay: cores " + kind, (used - machineBefore.getOrDefault(kind, 0.0)) / machineSeconds * 100, "%"));
                // The read models are rebuilt in bulk from the first event (BulkRebuild) when the query side starts
                // without their tokens: the figure held against the target is theirs, from the query side's start
                // to its processors' tokens at the head; the hash chain, which follows the stream on its own, is
                // timed beside it.
                long inBulk = rebuiltInBulk(querySide.port);
                System.out.println(inBulk > 0 ? "  the read models were rebuilt in bulk"
                                              : "  the read models were NOT rebuilt in bulk: replayed event by event");
                results.add("read models rebuilt in bulk (1 yes, 0 no)", inBulk, "");
                replayRate = loaded.events() / rebuildSeconds;
                results.add("read models' rebuild time (incl. query-side start)", rebuildSeconds, "s");
                results.add("read models' rebuild rate", replayRate, "events/s");
                results.target("rebuild / raw sequential read", replayRate / readRate * 100, "%", ">= 10 %", replayRate / readRate >= 0.10);
                results.add("replay time with the hash chain (incl. query-side start)", replaySeconds, "s");
                results.add("replay rate with the hash chain", loaded.events() / replaySeconds, "events/s");

                if (queries || tree) {
                    System.out.printf("%n[6/6] Queries at %d events%n", loaded.events());
                    // A replay rewrites every read model; PostgreSQL's autovacuum then goes over those tables.
                    // The queries are timed as a reader meets them on an ordinary day, once it is done.
                    double vacuumSeconds = db.awaitAutovacuumIdle(180);
                    results.add("wait for autovacuum after the replay", vacuumSeconds, "s");
                    Client admin = new Client("admin", ADMIN_PASSWORD);
                    String agency = loaded.busiestAgency();
                    int year = loaded.busiestYear();
                    // The floor under every query: a signed-in request that reads one row (the hash chain's head),
                    // through the same HTTP stack, authentication and connection pool as the report.
                    Stats floor = timed(admin, querySide.port, "/api/audit/chain/head", 1000);
                    results.add("one-row read p50 (the HTTP floor)", floor.percentileMillis(50), "ms");
                    results.add("one-row read p99 (the HTTP floor)", floor.percentileMillis(99), "ms");
                    if (queries) {
                        Stats report = timed(admin, querySide.port, "/api/agencies/" + agency + "/reports/" + year, 1000);
                        results.add("report query p50", report.percentileMillis(50), "ms");
                        // with agency-years as large as at 10M over 200 agencies (1M over 20), the report of now must not
                        // wait: 5 ms; else 10
                        double reportLimit = loaded.events() / (double) bulk.agencies() >= LARGE_AGENCY_YEARS ? 5 : 10;
                        results.target("report query p99", report.percentileMillis(99), "ms",
                                       String.format("<= %.0f ms", reportLimit), report.percentileMillis(99) <= reportLimit);
                        Stats asOf = timed(admin, querySide.port, "/api/agencies/" + agency + "/reports/" + year + "?asOf=" + loaded.midway(), 300);
                        results.add("as-of report p50", asOf.percentileMillis(50), "ms");
                        results.target("as-of report p99", asOf.percentileMillis(99), "ms", "<= 1000 ms", asOf.percentileMillis(99) <= 1000);
                        Stats list = timed(admin, querySide.port, "/api/applications?agencyId=" + agency + "&page=3&size=50", 1000);
                        results.add("case list p50", list.percentileMillis(50), "ms");
                        results.add("case list p99", list.percentileMillis(99), "ms");
                    }
                    if (province && tree) {
                        // the agency tree's targets (docs/agencies.md): roll-ups of the root and of a county, the root's oversight board
                        // Both keep what they worked out of each agency until its figures change: their first read after the
                        // rebuild works out every agency (and meets a cold JIT), the next ones what changed since.
                        String rootRollUp = "/api/agencies/agency-0/reports/" + year + "?scope=subtree";
                        Stats rootFirst = timed(admin, querySide.port, rootRollUp, 0, 1);
                        results.add("province roll-up (root), first read: every agency read", rootFirst.percentileMillis(50), "ms");
                        Stats root = timed(admin, querySide.port, rootRollUp, 50, 200);
                        results.add("province roll-up (root, " + BulkLoad.provinceSize() + " agencies) p50",
                                    root.percentileMillis(50), "ms");
                        results.target("province roll-up (root) p99", root.percentileMillis(99), "ms", "<= 100 ms",
                                       root.percentileMillis(99) <= 100);
                        Stats county = timed(admin, querySide.port, "/api/agencies/" + BulkLoad.firstCounty() + "/reports/" + year
                                                                    + "?scope=subtree", 1000);
                        results.add("county roll-up p50", county.percentileMillis(50), "ms");
                        results.target("county roll-up p99", county.percentileMillis(99), "ms", "<= 20 ms",
                                       county.percentileMillis(99) <= 20);
                        String rootBoard = "/api/agencies/agency-0/oversight/" + year;
                        Stats first = timed(admin, querySide.port, rootBoard, 0, 1);
                        results.add("oversight board (root), first read: every report worked out", first.percentileMillis(50), "ms");
                        Stats board = timed(admin, querySide.port, rootBoard, 20, 100);
                        results.add("oversight board (root) p50", board.percentileMillis(50), "ms");
                        results.target("oversight board (root) p99", board.percentileMillis(99), "ms", "<= 200 ms",
                                       board.percentileMillis(99) <= 200);
                        // and as a supervisor meets them on a working day: some agencies' figures changed since the last look
                        // (their revisions moved as a projection moves them, the figures themselves the same)
                        java.util.Random changes = new java.util.Random(7);
                        Runnable someChange = () -> {
                            for (int agencyChanged = 0; agencyChanged < CHANGED_BETWEEN_LOOKS; agencyChanged++) {
                                try {
                                    db.figuresChanged("agency-" + changes.nextInt(BulkLoad.provinceSize()));
                                } catch (java.sql.SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        };
                        String changed = CHANGED_BETWEEN_LOOKS + " agencies' figures changed before each read";
                        Stats rootChanging = timed(admin, querySide.port, rootRollUp, 20, 200, someChange);
                        results.add("province roll-up (root), " + changed + ", p50", rootChanging.percentileMillis(50), "ms");
                        results.add("province roll-up (root), " + changed + ", p99", rootChanging.percentileMillis(99), "ms");
                        Stats boardChanging = timed(admin, querySide.port, rootBoard, 20, 100, someChange);
                        results.add("oversight board (root), " + changed + ", p50", boardChanging.percentileMillis(50), "ms");
                        results.add("oversight board (root), " + changed + ", p99", boardChanging.percentileMillis(99), "ms");
                    }
                    if (queries) {
                        timePages(results, commandSide, querySide, jdbcUrl, jvm, agency, year, loaded.midway());
                        timeVerification(results, admin, querySide.port, db, readRate);
                    }
                    int hold = Integer.parseInt(options.getOrDefault("hold", "0"));
                    if (hold > 0) {
                        System.out.printf("holding for %d s: database %s, command side :%d, query side :%d%n", hold, jdbcUrl,
                                          commandSide.port, querySide.port);
                        Thread.sleep(hold * 1000L);
                    }
                }
                double commandRss = commandSide.peakRssMiB();
                double queryRss = querySide.peakRssMiB();
                results.target("command side peak RSS", commandRss, "MiB", "< 512 MiB", commandRss < 512);
                results.target("query side peak RSS (replay + queries)", queryRss, "MiB", "< 512 MiB", queryRss < 512);
            }
            if (only.contains("replay") || queries) {
                peerReplay(results, jdbcUrl, jvm, loaded.events(), replayRate, readRate);
            }
        }
        finish(results, events, seconds, warmup);
    }

    private static void finish(Results results, long events, int seconds, int warmup) throws java.io.IOException {
        results.print();
        Path out = Path.of("bench-results", "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        results.writeJson(out, String.format("\"events\":%d,\"seconds\":%d,\"warmup\":%d,\"cores\":%d,\"at\":\"%s\"",
                                             events, seconds, warmup, Runtime.getRuntime().availableProcessors(), Instant.now()));
        System.out.println("\nwritten to " + out.toAbsolutePath());
    }

    /**
     * Commands over HTTP: first against the command side alone (the figure held against PostgreSQL's own
     * rate: the query side is another service, which may run elsewhere), then again with a query side
     * following every command live on the same machine; then the lag from a command's answer to its effect.
     */
    private static void liveLoad(Results results, java.util.Set<String> only, String jdbcUrl, Path dataDirectory, String jvm,
                                 int warmup, int seconds, double raw1, double raw16) throws Exception {
        try (Service commandSide = Service.start("command-side", "command-side", freePort(), jdbcUrl, ADMIN_PASSWORD, jvm)) {
            CpuTime cpu = new CpuTime().part("command side", () -> CpuTime.withDescendants(commandSide.handle()))
                                       .postgres("PostgreSQL", dataDirectory)
                                       .part("HTTP clients", () -> java.util.stream.Stream.of(ProcessHandle.current()));
            Client admin = new Client("admin", ADMIN_PASSWORD);
            admin.post(commandSide.port, "/api/admin/agencies", "{\"agencyId\":\"bench\",\"name\":\"bench\"}");
            admin.post(commandSide.port, "/api/admin/users",
                       "{\"username\":\"clerk\",\"password\":\"clerk-password\",\"roles\":[\"CLERK\"],\"agencyId\":\"bench\"}");
            Client clerk = new Client("clerk", "clerk-password");

            if (only.contains("commands")) {
                System.out.println("\n[2/6] Commands over HTTP (receive, consult, end consultation, conclude)");
                // a running service has compiled what it serves: warm the JIT up at full load first
                commandLoad(clerk, commandSide.port, 16, warmup, 1, new Stats(), Load.Window.NONE);
                for (int clients : new int[]{1, 16}) {
                    Stats latency = new Stats();
                    double rate = commandLoad(clerk, commandSide.port, clients, warmup, seconds, latency,
                                              cpuPerCommand(results, cpu, clients + " clients"));
                    double rawRate = clients == 1 ? raw1 : raw16;
                    results.add("HTTP commands/s, " + clients + " clients", rate, "cmd/s");
                    results.add("HTTP command p50, " + clients + " clients", latency.percentileMillis(50), "ms");
                    results.add("HTTP command p99, " + clients + " clients", latency.percentileMillis(99), "ms");
                    if (clients == 16) {
                        results.target("HTTP commands / raw INSERT, 16 clients", rate / rawRate * 100, "%", ">= 30 %", rate / rawRate >= 0.30);
                        peerCommands(results, jdbcUrl, jvm, warmup, seconds, rate, rawRate);
                    } else {
                        results.add("HTTP commands / raw INSERT, 1 client", rate / rawRate * 100, "%");
                    }
                }
            }
            try (Service querySide = Service.start("query-side", "query-side", freePort(), jdbcUrl, ADMIN_PASSWORD, jvm)) {
                cpu.part("query side", () -> CpuTime.withDescendants(querySide.handle()));
                if (only.contains("commands")) {
                    Stats latency = new Stats();
                    double rate = commandLoad(clerk, commandSide.port, 16, warmup, seconds, latency,
                                              cpuPerCommand(results, cpu, "16 clients, query side following"));
                    results.add("HTTP commands/s, 16 clients, query side following", rate, "cmd/s");
                    results.add("HTTP command p99, 16 clients, query side following", latency.percentileMillis(99), "ms");
                    results.add("HTTP commands / raw INSERT, 16 clients, query side following", rate / raw16 * 100, "%");
                }
                if (only.contains("lag")) {
                    System.out.println("\n[3/6] Lag from a command's answer to its effect on the query side");
                    new Database(jdbcUrl).awaitProjectionsAt(new Database(jdbcUrl).head()); // the backlog of the load first
                    Stats lag = lag(clerk, commandSide.port, querySide.port, 300);
                    results.add("command-to-query lag p50", lag.percentileMillis(50), "ms");
                    results.target("command-to-query lag p99", lag.percentileMillis(99), "ms", "<= 200 ms", lag.percentileMillis(99) <= 200);
                }
                results.add("query side peak RSS after live load", querySide.peakRssMiB(), "MiB");
            }
            results.add("command side peak RSS after live load", commandSide.peakRssMiB(), "MiB");
        }
    }

    /** Where a command's CPU goes: each part's CPU time in the window divided by the commands. */
    private static Load.Window cpuPerCommand(Results results, CpuTime cpu, String label) {
        return new Load.Window() {
            private java.util.Map<String, Double> before;

            @Override
            public void opened() {
                before = cpu.seconds();
            }

            @Override
            public void closed(long operations) {
                CpuTime.perOperation(before, cpu.seconds(), operations).forEach(
                        (part, millis) -> results.add("CPU per command, " + label + ": " + part, millis, "ms"));
            }
        };
    }

    /** Realistic lifecycles, each command timed from request to answer; the rate counts the measured window only. */
    private static double commandLoad(Client clerk, int port, int clients, int warmup, int seconds, Stats latency,
                                      Load.Window window) throws InterruptedException {
        return Load.run(clients, warmup, seconds, latency, window, op -> {
            while (op.running()) {
                String id = java.util.UUID.randomUUID().toString();
                String path = "/api/applications/" + id;
                String[][] lifecycle = {
                        {"/api/applications", "{\"applicationId\":\"" + id + "\",\"agencyId\":\"bench\",\"receivedOn\":\"2025-03-03\","
                                              + "\"channel\":\"ONLINE\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"申请人\"},"
                                              + "\"request\":\"请公开2024年道路维修预算及其执行情况\"}"},
                        {path + "/consultation", "{\"startedOn\":\"2025-03-04\",\"party\":\"第三方\"}"},
                        {path + "/consultation/end", "{\"endedOn\":\"2025-03-10\"}"},
                        {path + "/conclusion", "{\"concludedOn\":\"2025-03-20\",\"outcome\":\"DISCLOSED\"}"}};
                for (String[] command : lifecycle) {
                    op.timed(() -> {
                        int status = clerk.post(port, command[0], command[1]);
                        if (status >= 300) {
                            System.err.println("unexpected status " + status + " for " + command[0]);
                        }
                    });
                }
            }
        });
    }

    /**
     * The plain Axon peer ({@code bench-peer}) under the same 16 clients on the same PostgreSQL: a trivial
     * aggregate, each client opening one and noting on it three times (four commands, as gongkai's
     * lifecycle), no sign-in. Its ratio to raw INSERT is the line gongkai's is compared with.
     */
    private static void peerCommands(Results results, String jdbcUrl, String jvm, int warmup, int seconds,
                                     double gongkaiRate, double raw16) throws Exception {
        System.out.println("  the plain Axon peer, 16 clients");
        try (Service peer = Service.start("axon-peer", "bench-peer", freePort(), jdbcUrl, ADMIN_PASSWORD, jvm,
                                          "--peer.mode=commands")) {
            Client client = new Client("peer", "none");
            Load.Client lifecycle = op -> {
                while (op.running()) {
                    String path = "/things/" + java.util.UUID.randomUUID();
                    for (String command : new String[]{path, path + "/notes", path + "/notes", path + "/notes"}) {
                        op.timed(() -> {
                            int status = client.post(peer.port, command, "");
                            if (status >= 300) {
                                System.err.println("unexpected status " + status + " from the peer for " + command);
                            }
                        });
                    }
                }
            };
            Load.run(16, warmup, 1, new Stats(), lifecycle); // its JIT warmed up at full load, as gongkai's
            Stats latency = new Stats();
            double rate = Load.run(16, warmup, seconds, latency, lifecycle);
            results.add("plain Axon HTTP commands/s, 16 clients", rate, "cmd/s");
            results.add("plain Axon HTTP command p99, 16 clients", latency.percentileMillis(99), "ms");
            results.add("plain Axon HTTP commands / raw INSERT, 16 clients", rate / raw16 * 100, "%");
            results.target("gongkai / plain Axon commands, 16 clients (ratios to raw INSERT)", gongkaiRate / rate * 100, "%",
                           ">= 100 %", gongkaiRate >= rate);
            results.add("plain Axon peer peak RSS", peer.peakRssMiB(), "MiB");
        }
    }

    /** How many times the query side rebuilt a projection in bulk since it started ({@code GET /api/projections}). */
    private static long rebuiltInBulk(int queryPort) throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString(
                ("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String body = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + queryPort + "/api/projections"))
                                         .header("Authorization", "Basic " + credentials).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"rebuiltInBulk\"\\s*:\\s*(\\d+)").matcher(body);
        long rebuilt = 0;
        while (m.find()) {
            rebuilt += Long.parseLong(m.group(1));
        }
        return rebuilt;
    }

    interface Starting {
        Service start() throws Exception;
    }

    /** Starts a service, noting in {@code at[0]} the instant it was asked to start. */
    private static Service startedAt(long[] at, Starting starting) throws Exception {
        at[0] = System.nanoTime();
        return starting.start();
    }

    /**
     * The plain Axon peer replaying the same event table from its first event into a handler that only
     * counts (a pooled processor, 4 segments, tokens in memory), timed like gongkai's replay from the
     * start of its JVM.
     */
    private static void peerReplay(Results results, String jdbcUrl, String jvm, long events, double gongkaiRate,
                                   double readRate) throws Exception {
        System.out.println("\n  the plain Axon peer replaying the same events into memory");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.regex.Pattern handled = java.util.regex.Pattern.compile("\"handled\"\\s*:\\s*(\\d+)");
        long started = System.nanoTime();
        try (Service peer = Service.start("axon-peer-replay", "bench-peer", freePort(), jdbcUrl, ADMIN_PASSWORD, jvm,
                                          "--peer.mode=replay")) {
            long lastReport = System.nanoTime();
            long lastCount = -1;
            long lastProgress = System.nanoTime();
            while (true) {
                String body = http.send(java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("http://localhost:" + peer.port + "/replay")).build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                java.util.regex.Matcher m = handled.matcher(body);
                long count = m.find() ? Long.parseLong(m.group(1)) : 0;
                if (count >= events) {
                    break;
                }
                if (count != lastCount) {
                    lastCount = count;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > 60_000_000_000L) {
                    // an event it cannot read stops it for good: say so (its log has why) rather than wait forever
                    System.out.printf("  the peer stopped at %d of %d events: see bench-results/axon-peer-replay.log%n",
                                      count, events);
                    return;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("  … the peer handled %d of %d%n", count, events);
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = events / seconds;
            results.add("plain Axon replay time (incl. its start)", seconds, "s");
            results.add("plain Axon replay rate", rate, "events/s");
            results.add("plain Axon replay / raw sequential read", rate / readRate * 100, "%");
            results.add("gongkai replay / plain Axon replay", gongkaiRate / rate * 100, "%");
        }
    }

    private static Stats lag(Client clerk, int commandPort, int queryPort, int samples) throws InterruptedException {
        Stats lag = new Stats();
        for (int i = 0; i < samples; i++) {
            String id = java.util.UUID.randomUUID().toString();
            clerk.post(commandPort, "/api/applications", "{\"applicationId\":\"" + id + "\",\"agencyId\":\"bench\",\"receivedOn\":\"2025-03-03\","
                                                         + "\"channel\":\"ONLINE\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"申请人\"},\"request\":\"信息\"}");
            long answered = System.nanoTime();
            while (clerk.get(queryPort, "/api/applications/" + id) != 200) {
                if (System.nanoTime() - answered > 5_000_000_000L) {
                    break;
                }
                Thread.onSpinWait();
            }
            lag.add(System.nanoTime() - answered);
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20));
        }
        return lag;
    }

    /**
     * The clerk's pages at this size, each page's server time as the browser waits for it (the web process
     * calling both sides): the dashboard (counts and the first page of the worklist) and its charts, a case page (the case,
     * its history from the event store), the report page (the year's report of the busiest agency); and the
     * auditor's: the report page with its links to the cases, the same as of an instant half-way through the
     * history, and the audit trail's search (a day of the agency's events, first page).
     */
    private static void timePages(Results results, Service commandSide, Service querySide, String jdbcUrl, String jvm,
                                  String agency, int year, java.time.Instant midway) throws Exception {
        try (Service web = Service.start("web", "web", freePort(), jdbcUrl, ADMIN_PASSWORD, jvm,
                                         "--gongkai.command-side.url=http://localhost:" + commandSide.port,
                                         "--gongkai.query-side.url=http://localhost:" + querySide.port)) {
            Client admin = new Client("admin", ADMIN_PASSWORD);
            admin.post(commandSide.port, "/api/admin/agencies", "{\"agencyId\":\"" + agency + "\",\"name\":\"" + agency + "\"}");
            admin.post(commandSide.port, "/api/admin/users", "{\"username\":\"bench-clerk\",\"password\":\"bench-clerk-password\","
                                                             + "\"roles\":[\"CLERK\"],\"agencyId\":\"" + agency + "\"}");
            // Both readers are created and signed in before any timing: a POST is never sent again on a kept-alive
            // connection the server closed while the pages were being timed.
            admin.post(commandSide.port, "/api/admin/users", "{\"username\":\"bench-auditor\",\"password\":\"bench-auditor-password\","
                                                             + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"" + agency + "\"}");
            Client clerk = Client.signedIn("GONGKAI_SESSION", Pages.signIn(web.port, "bench-clerk", "bench-clerk-password"));
            Client auditor = Client.signedIn("GONGKAI_SESSION", Pages.signIn(web.port, "bench-auditor", "bench-auditor-password"));
            String applicationId = Pages.someApplication(querySide.port, "admin", ADMIN_PASSWORD, agency);
            Stats dashboard = timed(clerk, web.port, "/", 1000);
            results.add("dashboard page p50", dashboard.percentileMillis(50), "ms");
            results.target("dashboard page p99", dashboard.percentileMillis(99), "ms", "<= 50 ms", dashboard.percentileMillis(99) <= 50);
            // the dashboard's charts come in a request of their own, after the page (htmx): timed beside it, no target
            Stats dashboardCharts = timed(clerk, web.port, "/dashboard/charts/" + year, 1000);
            results.add("dashboard charts p50", dashboardCharts.percentileMillis(50), "ms");
            results.add("dashboard charts p99", dashboardCharts.percentileMillis(99), "ms");
            Stats casePage = timed(clerk, web.port, "/applications/" + applicationId, 1000);
            results.add("case page p50", casePage.percentileMillis(50), "ms");
            results.target("case page p99", casePage.percentileMillis(99), "ms", "<= 50 ms", casePage.percentileMillis(99) <= 50);
            Stats report = timed(clerk, web.port, "/reports/" + year, 1000);
            results.add("report page p50", report.percentileMillis(50), "ms");
            results.target("report page p99", report.percentileMillis(99), "ms", "<= 100 ms", report.percentileMillis(99) <= 100);
            Stats auditReport = timed(auditor, web.port, "/audit/reports/" + agency + "/" + year, 1000);
            results.add("auditor's report page p50", auditReport.percentileMillis(50), "ms");
            results.target("auditor's report page p99", auditReport.percentileMillis(99), "ms", "<= 100 ms",
                           auditReport.percentileMillis(99) <= 100);
            Stats asOfPage = timed(auditor, web.port, "/audit/reports/" + agency + "/" + year + "?asOf=" + midway, 300);
            results.add("as-of report page p50", asOfPage.percentileMillis(50), "ms");
            results.target("as-of report page p99", asOfPage.percentileMillis(99), "ms", "<= 300 ms", asOfPage.percentileMillis(99) <= 300);
            String day = midway.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
            Stats trail = timed(auditor, web.port, "/audit/trail?agencyId=" + agency + "&from=" + day + "&to=" + day, 1000);
            results.add("audit-trail search p50", trail.percentileMillis(50), "ms");
            results.target("audit-trail search p99", trail.percentileMillis(99), "ms", "<= 100 ms", trail.percentileMillis(99) <= 100);
            results.add("web peak RSS", web.peakRssMiB(), "MiB");
        }
    }

    /**
     * A verification of the whole hash chain as an auditor starts it: a job on the query side
     * ({@code POST /api/audit/verifications}), timed from its start to its end as the job records them,
     * once the chain covers every event (its follower chains the loaded history first).
     */
    private static void timeVerification(Results results, Client admin, int port, Database db, double readRate)
            throws Exception {
        System.out.println("\n  verification of the hash chain as a job");
        long head = db.head();
        long started = System.nanoTime();
        try (Connection c = db.connect()) {
            while (true) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select coalesce(max(global_index), 0) from query_side.event_chain")) {
                    rs.next();
                    if (rs.getLong(1) >= head) {
                        break;
                    }
                }
                if (System.nanoTime() - started > 1800L * 1_000_000_000L) {
                    throw new IllegalStateException("the hash chain did not cover the loaded events in 30 minutes");
                }
                Thread.sleep(500);
            }
            results.add("hash chain of the loaded history (after the replay)", (System.nanoTime() - started) / 1e9, "s");
            int status = admin.post(port, "/api/audit/verifications", "{}");
            if (status != 202) {
                throw new IllegalStateException("the verification was not started: " + status);
            }
            long lastReport = System.nanoTime();
            while (true) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select state, events_checked, events_total, intact, "
                        + "extract(epoch from finished_at - started_at) from query_side.verification_job "
                        + "order by started_at desc limit 1")) {
                    rs.next();
                    String state = rs.getString(1);
                    if (!state.equals("RUNNING")) {
                        if (!state.equals("FINISHED") || !rs.getBoolean(4)) {
                            throw new IllegalStateException("the verification ended " + state + ", intact " + rs.getObject(4));
                        }
                        double seconds = rs.getDouble(5);
                        double rate = rs.getLong(2) / seconds;
                        results.add("verification time", seconds, "s");
                        results.add("verification rate", rate, "events/s");
                        results.target("verification / raw sequential read", rate / readRate * 100, "%", ">= 50 %",
                                       rate / readRate >= 0.5);
                        return;
                    }
                    if (System.nanoTime() - lastReport > 10_000_000_000L) {
                        lastReport = System.nanoTime();
                        System.out.printf("  … verified %d of %d%n", rs.getLong(2), rs.getLong(3));
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /** A query repeated: 1000 times to warm up (the JIT compiles what a running service serves), then timed. */
    private static Stats timed(Client client, int port, String path, int repetitions) {
        return timed(client, port, path, 1000, repetitions);
    }

    private static Stats timed(Client client, int port, String path, int warmups, int repetitions) {
        return timed(client, port, path, warmups, repetitions, () -> { });
    }

    /** The same with a step before each request (untimed): a change the request then meets. */
    private static Stats timed(Client client, int port, String path, int warmups, int repetitions, Runnable before) {
        for (int i = 0; i < warmups; i++) {
            before.run();
            client.get(port, path);
        }
        Stats stats = new Stats();
        for (int i = 0; i < repetitions; i++) {
            before.run();
            long start = System.nanoTime();
            int status = client.get(port, path);
            stats.add(System.nanoTime() - start);
            if (status != 200) {
                System.err.println("unexpected status " + status + " for " + path);
            }
        }
        return stats;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** JDBC access to the benchmark's database. */
    static final class Database {
        final String url;

        Database(String url) {
            this.url = url;
        }

        Connection connect() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(url, "postgres", "");
        }

        long head() throws java.sql.SQLException {
            try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                    "select coalesce(max(global_index), 0) from command_side.domain_event_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Empties every table of the query side but its migration history: its next start replays everything. */
        void resetQuerySide() throws java.sql.SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'query_side' "
                                                   + "and tablename not like 'flyway%'")) {
                    while (rs.next()) {
                        tables.add("query_side." + rs.getString(1));
                    }
                }
                if (!tables.isEmpty()) {
                    s.execute("truncate " + String.join(", ", tables));
                }
            }
        }

        /** Moves the revision of the agency's figures, as a projection does when it changes them. */
        void figuresChanged(String agency) throws java.sql.SQLException {
            try (Connection c = connect(); var update = c.prepareStatement(
                    "update query_side.figures_revision set revision = nextval('query_side.figures_revision_seq') where agency_id = ?")) {
                update.setString(1, agency);
                update.executeUpdate();
            }
        }

        /** Waits until no autovacuum worker runs (at most {@code maxSeconds}); answers the seconds waited. */
        double awaitAutovacuumIdle(int maxSeconds) throws Exception {
            long started = System.nanoTime();
            while (System.nanoTime() - started < maxSeconds * 1_000_000_000L) {
                try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(500);
            }
            return (System.nanoTime() - started) / 1e9;
        }

        /** How far the query side's hash chain over the event stream reaches (it is rebuilt like a projection). */
        private static long chained(Connection c) throws java.sql.SQLException {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select coalesce(max(global_index), 0) from query_side.event_chain")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Waits until every processor's every segment, and the hash chain, have handled the event at {@code head}. */
        void awaitProjectionsAt(long head) throws Exception {
            // One connection for the whole wait: a new one every 200 ms would be PostgreSQL CPU counted as the replay's.
            try (Connection c = connect()) {
                awaitProjectionsAt(c, head, true);
            }
        }

        /** Waits until every processor's every segment has handled the event at {@code head} (the chain aside). */
        void awaitProcessorsAt(long head) throws Exception {
            try (Connection c = connect()) {
                awaitProjectionsAt(c, head, false);
            }
        }

        private static void awaitProjectionsAt(Connection c, long head, boolean chain) throws Exception {
            java.util.regex.Pattern index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
            long lastReport = System.nanoTime();
            while (true) {
                long lowest = Long.MAX_VALUE;
                int segments = 0;
                try (PreparedStatement s = c.prepareStatement(
                        "select convert_from(token, 'UTF8') from query_side.token_entry");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        segments++;
                        String token = rs.getString(1);
                        // while replaying, the token is a ReplayToken: its position is that of its currentToken
                        if (token != null && token.contains("tokenAtReset")) {
                            int current = token.indexOf("currentToken");
                            token = current < 0 ? null : token.substring(current);
                        }
                        var m = token == null ? null : index.matcher(token);
                        long position = m != null && m.find() ? Long.parseLong(m.group(1)) : -1;
                        lowest = Math.min(lowest, position);
                    }
                }
                if (segments > 0 && (head == 0 || lowest >= head) && (!chain || chained(c) >= head)) {
                    return;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    System.out.printf("  … replaying: lowest position %d of %d%n", lowest == Long.MAX_VALUE ? 0 : lowest, head);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(200);
            }
        }
    }
}
