package gongkai.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code clients} threads repeat an operation as fast as it answers; after a
 * warm-up, the operations completed in the measuring window are counted (and, optionally, timed).
 */
final class Load {

    /** One client's work: a fresh session of operations, each run through {@link Op#timed}. */
    interface Client {
        void run(Op op) throws Exception;
    }

    /** Runs one operation, counting and timing it when the window is open. */
    static final class Op {
        private final AtomicBoolean running;
        private final AtomicBoolean measuring;
        private final AtomicLong done;
        private final Stats latency;

        private Op(AtomicBoolean running, AtomicBoolean measuring, AtomicLong done, Stats latency) {
            this.running = running;
            this.measuring = measuring;
            this.done = done;
            this.latency = latency;
        }

        boolean running() {
            return running.get();
        }

        void timed(Runnable operation) {
            long start = System.nanoTime();
            operation.run();
            long took = System.nanoTime() - start;
            if (measuring.get()) {
                if (latency != null) {
                    latency.add(took);
                }
                done.incrementAndGet();
            }
        }
    }

    /** Told when the measuring window opens and closes (with the operations it counted). */
    interface Window {
        Window NONE = new Window() {
        };

        default void opened() {
        }

        default void closed(long operations) {
        }
    }

    private Load() {
    }

    /** Operations per second in the measuring window. */
    static double run(int clients, int warmupSeconds, int seconds, Stats latency, Client client) throws InterruptedException {
        return run(clients, warmupSeconds, seconds, latency, Window.NONE, client);
    }

    /** Operations per second in the measuring window, which {@code window} hears of. */
    static double run(int clients, int warmupSeconds, int seconds, Stats latency, Window window, Client client)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicLong done = new AtomicLong();
        Op op = new Op(running, measuring, done, latency);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try {
                    client.run(op);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(warmupSeconds * 1000L);
        window.opened();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        window.closed(done.get());
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / elapsed;
    }
}
