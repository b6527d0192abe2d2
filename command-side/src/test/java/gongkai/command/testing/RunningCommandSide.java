package gongkai.command.testing;

import gongkai.command.CommandSideApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The real command side, started on a test database and a free port, with a known admin password. */
public final class RunningCommandSide implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-secret-1";
    /** The master key of personal data the tests start both sides with, unless a test gives its own. */
    public static final String MASTER_KEY = "Z29uZ2thaSB0ZXN0IG1hc3RlciBrZXkgMzIgYnl0ZXM=";

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;

    private RunningCommandSide(String databaseUrl, String... extraArgs) {
        this.databaseUrl = databaseUrl;
        this.context = CommandSideApplication.start(withMasterKey(extraArgs,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--server.port=0",
                "--GONGKAI_ADMIN_PASSWORD=" + ADMIN_PASSWORD));
    }

    /** {@code args} then {@code extraArgs}, with {@link #MASTER_KEY} unless {@code extraArgs} name a master key. */
    public static String[] withMasterKey(String[] extraArgs, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        if (java.util.Arrays.stream(extraArgs).noneMatch(a -> a.startsWith("--gongkai.personal-data.master-key"))) {
            all.add("--gongkai.personal-data.master-key=" + MASTER_KEY);
        }
        all.addAll(java.util.List.of(extraArgs));
        return all.toArray(String[]::new);
    }

    public static RunningCommandSide onNewDatabase(String... extraArgs) {
        return new RunningCommandSide(TestDatabase.newDatabase(), extraArgs);
    }

    public static RunningCommandSide on(String databaseUrl, String... extraArgs) {
        return new RunningCommandSide(databaseUrl, extraArgs);
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public Http admin() {
        return new Http(baseUrl(), "admin", ADMIN_PASSWORD);
    }

    public Http as(String username, String password) {
        return new Http(baseUrl(), username, password);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Creates an agency and a clerk of it through the admin API; returns the clerk's client. */
    public Http agencyWithClerk(String agencyId, String clerk) {
        Http admin = admin();
        expect(admin.post("/api/admin/agencies", "{\"agencyId\":\"" + agencyId + "\",\"name\":\"" + agencyId + "\"}"), 201);
        expect(admin.post("/api/admin/users", "{\"username\":\"" + clerk + "\",\"password\":\"" + clerk
                                              + "-password\",\"roles\":[\"CLERK\"],\"agencyId\":\"" + agencyId + "\"}"), 201);
        return as(clerk, clerk + "-password");
    }

    /** The head of an existing agency's disclosure office (SUPERVISOR, 第三十三条), who approves extensions. */
    public Http supervisorIn(String agencyId, String supervisor) {
        expect(admin().post("/api/admin/users", "{\"username\":\"" + supervisor + "\",\"password\":\"" + supervisor
                                                + "-password\",\"roles\":[\"SUPERVISOR\"],\"agencyId\":\"" + agencyId + "\"}"), 201);
        return as(supervisor, supervisor + "-password");
    }

    private static void expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
