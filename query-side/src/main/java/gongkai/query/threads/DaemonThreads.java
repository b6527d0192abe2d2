package gongkai.query.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The query side's own worker threads: named, so that a thread dump and a profile say whose work they do, and
 * daemons, so that none of them holds the process up when it stops.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads all called {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
