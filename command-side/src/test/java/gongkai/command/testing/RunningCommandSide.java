package gongkai.command.testing;

import gongkai.command.CommandSideApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The real command side, started on a test database and a free port, with a known admin password. */
public final class RunningCommandSide implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-secret-1";

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;

    private RunningCommandSide(String databaseUrl, String... extraArgs) {
        this.databaseUrl = databaseUrl;
        String[] args = new String[4 + extraArgs.length];
        args[0] = "--spring.datasource.url=" + databaseUrl;
        args[1] = "--spring.datasource.username=" + TestDatabase.USER;
        args[2] = "--server.port=0";
        args[3] = "--GONGKAI_ADMIN_PASSWORD=" + ADMIN_PASSWORD;
        System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
        this.context = CommandSideApplication.start(args);
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
