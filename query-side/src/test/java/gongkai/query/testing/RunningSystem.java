package gongkai.query.testing;

import gongkai.command.testing.RunningCommandSide;
import gongkai.query.report.AnnualReports;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Both services on a fresh database for a test class, with the query side's store and report at
 * hand: {@code @RegisterExtension static final RunningSystem system = new RunningSystem();}.
 */
public final class RunningSystem implements BeforeAllCallback, AfterAllCallback {

    private final String[] commandSideArgs;
    private RunningCommandSide commandSide;
    private RunningQuerySide querySide;
    private StoredEvents events;

    /** With these arguments for the command side (e.g. {@code --gongkai.pages.password=…}). */
    public RunningSystem(String... commandSideArgs) {
        this.commandSideArgs = commandSideArgs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        commandSide = RunningCommandSide.onNewDatabase(commandSideArgs);
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        events = new StoredEvents(querySide);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        querySide.close();
        commandSide.close();
    }

    public RunningCommandSide commandSide() {
        return commandSide;
    }

    public RunningQuerySide querySide() {
        return querySide;
    }

    public StoredEvents events() {
        return events;
    }

    public AnnualReports reports() {
        return querySide.context().getBean(AnnualReports.class);
    }
}
